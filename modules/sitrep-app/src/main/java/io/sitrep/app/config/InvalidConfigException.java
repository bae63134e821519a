package io.sitrep.app.config;

/** A configuration value that cannot be used; the message names the key, the value and the layer it came from. */
public final class InvalidConfigException extends IllegalArgumentException {
    private final String key;
    private final String source;

    InvalidConfigException(String key, String source, String message) {
        super(message);
        this.key = key;
        this.source = source;
    }

    /** The property name, e.g. {@code http.port}; empty when the problem is not one key's (a missing file). */
    public String key() {
        return key;
    }

    /** Where the value came from: the default, the file, an environment variable or the command line. */
    public String source() {
        return source;
    }
}
