package io.sitrep.sinks.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authentication settings, from the {@code auth.*} properties (sitrep.properties, {@code SITREP_AUTH_*}) and
 * {@code SITREP_ADMIN_PASSWORD}. Built by {@link #from}, which validates every value and names the key at fault.
 *
 * @param usersFile where users and tokens made by {@code sitrep users} and the first start are kept
 * @param anonymousRead whether unauthenticated callers may use VIEWER routes with GET/HEAD
 * @param sessionTtl how long a login session lives without use
 * @param maxLoginFailures failed logins per client address within {@code loginWindow} before further tries get 429
 * @param cookieSecure when the session cookie gets the Secure attribute
 * @param allowedOrigins origins besides the request's own host accepted for cookie-authenticated writes
 *        (e.g. {@code https://sitrep.example.org} behind a proxy that rewrites Host)
 * @param configAccounts users and tokens declared in config; they win over the file's for the same name
 * @param initialAdminPassword the admin password for the first start, from {@code SITREP_ADMIN_PASSWORD}
 */
public record AuthSettings(
        Path usersFile,
        boolean anonymousRead,
        Duration sessionTtl,
        int maxLoginFailures,
        Duration loginWindow,
        CookieSecure cookieSecure,
        Set<String> allowedOrigins,
        Accounts configAccounts,
        Optional<String> initialAdminPassword) {

    public static final String PREFIX = "auth.";
    public static final String USERS_FILE = "auth.users.file";
    public static final String ANONYMOUS_READ = "auth.anonymous-read";
    public static final String SESSION_TTL = "auth.session.ttl";
    public static final String LOGIN_MAX_FAILURES = "auth.login.max-failures";
    public static final String LOGIN_WINDOW = "auth.login.window";
    public static final String COOKIE_SECURE = "auth.cookie.secure";
    public static final String ALLOWED_ORIGINS = "auth.allowed-origins";
    public static final String ADMIN_PASSWORD_ENV = "SITREP_ADMIN_PASSWORD";
    public static final String USERS_FILE_NAME = "users.properties";

    /** Every plain key with its default and meaning, for docs and {@code --help}. */
    public static final Map<String, String> KEYS = keys();

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

    public enum CookieSecure {
        /** Secure when the request came over https (directly or per {@code X-Forwarded-Proto}). */
        AUTO,
        ALWAYS,
        NEVER
    }

    public AuthSettings {
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(loginWindow, "loginWindow");
        Objects.requireNonNull(cookieSecure, "cookieSecure");
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(configAccounts, "configAccounts");
        Objects.requireNonNull(initialAdminPassword, "initialAdminPassword");
    }

    /** The defaults: users file under {@code dataDir}, anonymous reads, 8 h sessions, 10 failed logins per 15 min. */
    public static AuthSettings defaults(Path dataDir) {
        return from(Map.of(), dataDir, Map.of());
    }

    /**
     * @param properties configuration; keys outside {@code auth.*} are ignored, unknown {@code auth.*} keys refused
     * @param dataDir the data directory, home of the default users file
     * @param env the process environment; only {@value #ADMIN_PASSWORD_ENV} is read
     * @throws IllegalArgumentException naming the key and what is expected
     */
    public static AuthSettings from(Map<String, String> properties, Path dataDir, Map<String, String> env) {
        Map<String, String> auth = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) continue;
            if (KEYS.containsKey(key)) {
                auth.put(key, e.getValue() == null ? "" : e.getValue().strip());
            } else if (key.startsWith(PREFIX + Accounts.USERS) || key.startsWith(PREFIX + Accounts.TOKENS)) {
                accounts.put(key, e.getValue());
            } else {
                throw new IllegalArgumentException("unknown key '" + key + "': the auth keys are " + KEYS.keySet()
                        + ", auth.users.<name>=<role>:<hash> and auth.tokens.<name>=<role>:<sha256>");
            }
        }
        String file = auth.getOrDefault(USERS_FILE, "");
        Path usersFile = file.isEmpty() ? dataDir.resolve(USERS_FILE_NAME) : Path.of(file);
        String adminPassword = env.get(ADMIN_PASSWORD_ENV);
        if (adminPassword != null && adminPassword.isEmpty()) adminPassword = null;
        if (adminPassword != null && adminPassword.length() < 8) {
            throw new IllegalArgumentException(ADMIN_PASSWORD_ENV + " is too short: at least 8 characters");
        }
        return new AuthSettings(
                usersFile,
                bool(auth, ANONYMOUS_READ, true),
                duration(auth, SESSION_TTL, Duration.ofHours(8)),
                positive(auth, LOGIN_MAX_FAILURES, 10),
                duration(auth, LOGIN_WINDOW, Duration.ofMinutes(15)),
                cookieSecure(auth),
                origins(auth),
                Accounts.parse(accounts, PREFIX, "configuration"),
                Optional.ofNullable(adminPassword));
    }

    @Override
    public String toString() {
        return "AuthSettings[usersFile=" + usersFile + ", anonymousRead=" + anonymousRead + ", sessionTtl=" + sessionTtl
                + ", maxLoginFailures=" + maxLoginFailures + ", loginWindow=" + loginWindow + ", cookieSecure="
                + cookieSecure + ", allowedOrigins=" + allowedOrigins + ", configUsers=" + configAccounts.users().keySet()
                + ", configTokens=" + configAccounts.tokens().keySet() + ", initialAdminPassword="
                + (initialAdminPassword.isPresent() ? "(set)" : "(none)") + "]";
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put(USERS_FILE, "users and API tokens file [default <data.dir>/users.properties]");
        k.put(ANONYMOUS_READ, "unauthenticated callers may read (GET) as viewer [default true]");
        k.put(SESSION_TTL, "login session lifetime without use, e.g. 8h, 30m, PT8H [default 8h]");
        k.put(LOGIN_MAX_FAILURES, "failed logins per client address within auth.login.window before 429 [default 10]");
        k.put(LOGIN_WINDOW, "window of the failed-login limit [default 15m]");
        k.put(COOKIE_SECURE, "Secure attribute of the session cookie: auto (when https), always, never [default auto]");
        k.put(ALLOWED_ORIGINS, "comma-separated extra origins for browser writes, e.g. https://sitrep.example.org [default none]");
        return Map.copyOf(k);
    }

    private static boolean bool(Map<String, String> auth, String key, boolean dflt) {
        String v = auth.getOrDefault(key, "");
        if (v.isEmpty()) return dflt;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + "='" + v + "': expected true or false");
        };
    }

    private static int positive(Map<String, String> auth, String key, int dflt) {
        String v = auth.getOrDefault(key, "");
        if (v.isEmpty()) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + "='" + v + "': expected a positive integer");
    }

    static Duration duration(Map<String, String> auth, String key, Duration dflt) {
        String v = auth.getOrDefault(key, "");
        if (v.isEmpty()) return dflt;
        Duration d = null;
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + "='" + v + "': expected a positive duration such as 8h, 30m, 45s or PT8H");
        }
        return d;
    }

    private static CookieSecure cookieSecure(Map<String, String> auth) {
        String v = auth.getOrDefault(COOKIE_SECURE, "");
        if (v.isEmpty()) return CookieSecure.AUTO;
        try {
            return CookieSecure.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COOKIE_SECURE + "='" + v + "': expected auto, always or never");
        }
    }

    private static Set<String> origins(Map<String, String> auth) {
        String v = auth.getOrDefault(ALLOWED_ORIGINS, "");
        if (v.isEmpty()) return Set.of();
        List<String> out = new java.util.ArrayList<>();
        for (String o : v.split(",")) {
            String origin = o.strip().toLowerCase(Locale.ROOT);
            if (origin.isEmpty()) continue;
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException(ALLOWED_ORIGINS + ": '" + o.strip()
                        + "' is not an origin like https://host or http://host:port");
            }
            out.add(SameOrigin.normalize(origin));
        }
        return Set.copyOf(out);
    }
}
