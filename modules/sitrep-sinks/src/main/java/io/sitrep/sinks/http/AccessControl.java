package io.sitrep.sinks.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;

/** Enforces the roles routes declare. Installed once per server, before any feature's routes run. */
@FunctionalInterface
public interface AccessControl {
    void install(JavalinConfig config);

    /**
     * Secure default when no authentication is configured: reads are open, every route that needs an operator or
     * an admin answers 403.
     */
    static AccessControl readOnly() {
        return config -> config.routes.beforeMatched(ctx -> {
            Set<io.javalin.security.RouteRole> roles = ctx.routeRoles();
            if (roles.contains(Role.OPERATOR) || roles.contains(Role.ADMIN)) {
                deny(ctx, HttpStatus.FORBIDDEN, "writes need an authenticated operator; no users are configured");
            }
        });
    }

    static void deny(Context ctx, HttpStatus status, String reason) {
        throw new io.javalin.http.HttpResponseException(status.getCode(), reason);
    }
}
