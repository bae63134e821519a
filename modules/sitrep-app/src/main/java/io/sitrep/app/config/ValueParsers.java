package io.sitrep.app.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parse and check one raw value; a failure is an {@link IllegalArgumentException} saying what is wrong. */
final class ValueParsers {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

    private ValueParsers() {}

    static String bootstrapServers(String value) {
        if (value.isEmpty()) {
            return value;
        }
        for (String server : value.split(",", -1)) {
            String entry = server.strip();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || !HOST.matcher(entry.substring(0, colon)).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not host:port");
            }
            integer(entry.substring(colon + 1), 1, 65_535, "host:port with a port number (1-65535): '" + entry + "'");
        }
        return value.replace(" ", "");
    }

    static Path path(String value) {
        try {
            return Path.of(value).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a path: " + e.getReason());
        }
    }

    static String host(String value) {
        if (!HOST.matcher(value).matches()) {
            throw new IllegalArgumentException("not a host name or address");
        }
        return value;
    }

    static int port(String value) {
        return integer(value, 0, 65_535, "a port number (0-65535)");
    }

    static String identifier(String value) {
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException("only letters, digits, '.', '_' and '-' are allowed");
        }
        return value;
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    /** {@code max} or a positive factor of real time; returned as written so callers keep one syntax. */
    static String replaySpeed(String value) {
        if (value.equalsIgnoreCase("max")) {
            return "max";
        }
        try {
            double factor = Double.parseDouble(value);
            if (factor > 0 && Double.isFinite(factor)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not 'max' nor a positive factor such as 60");
    }

    static int integer(String value, int min, int max, String what) {
        long parsed = longValue(value, min, max, what);
        return (int) parsed;
    }

    static long longValue(String value, long min, long max, String what) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not " + what);
    }

    static String httpUrlOrEmpty(String v) {
        if (v.isEmpty()) return v;
        try {
            java.net.URI u = java.net.URI.create(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return v;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("not an http(s) URL");
    }

    static String oneOf(String v, String... allowed) {
        for (String a : allowed) if (a.equalsIgnoreCase(v)) return a;
        throw new IllegalArgumentException("one of " + String.join(", ", allowed));
    }
}
