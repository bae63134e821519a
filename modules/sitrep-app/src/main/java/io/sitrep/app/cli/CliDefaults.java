package io.sitrep.app.cli;

import io.sitrep.app.config.SitrepConfig;

/** Defaults the client commands share with {@code run}: flag, else $SITREP_BOOTSTRAP_SERVERS, else the embedded broker's address. */
final class CliDefaults {
    private CliDefaults() {}

    static String bootstrap(String flag) {
        if (flag != null && !flag.isBlank()) return flag;
        String env = System.getenv("SITREP_BOOTSTRAP_SERVERS");
        if (env != null && !env.isBlank()) return env;
        return SitrepConfig.defaultBootstrap();
    }
}
