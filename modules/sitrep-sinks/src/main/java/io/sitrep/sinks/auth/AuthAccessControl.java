package io.sitrep.sinks.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import io.sitrep.sinks.http.AccessControl;
import io.sitrep.sinks.http.ApiServer;
import io.sitrep.sinks.http.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and roles for the HTTP surface: users with passwords (Basic or the login page and its session
 * cookie), service tokens (Bearer), anonymous reads when allowed, CSRF protection for cookie-authenticated
 * writes, a failed-login limit per address and security headers on every response. See docs/SECURITY.md.
 *
 * <p>Policy per matched route: no declared role → public; otherwise the caller must hold one of the declared
 * roles, except that anonymous GET/HEAD of a VIEWER route is allowed when {@code auth.anonymous-read} is on.
 */
public final class AuthAccessControl implements AccessControl {
    public static final String SESSION_COOKIE = "sitrep_session";
    /** Double-submit token of the login form, for browsers that send {@code Origin: null} on form posts. */
    public static final String LOGIN_COOKIE = "sitrep_login";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String USER_ATTRIBUTE = "io.sitrep.auth.user";
    private static final Logger log = LoggerFactory.getLogger(AuthAccessControl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<HandlerType> SAFE_METHODS =
            Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.QUERY);

    private final AuthSettings settings;
    private final UserDirectory users;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;
    private final LoginPage loginPage = new LoginPage();
    private final Clock clock;

    /**
     * Loads the users file and config accounts and, at the first start, creates the admin (a generated password is
     * printed once to stderr).
     *
     * @throws IllegalArgumentException when the users file is malformed
     */
    public AuthAccessControl(AuthSettings settings) {
        this(settings, Clock.systemUTC(), System.err);
    }

    /** @param banner where a generated admin password is printed, once */
    public AuthAccessControl(AuthSettings settings, Clock clock, PrintStream banner) {
        this.settings = settings;
        this.clock = clock;
        this.users = new UserDirectory(new UsersFile(settings.usersFile()), settings.configAccounts());
        this.sessions = new SessionStore(clock, settings.sessionTtl());
        this.limiter = new LoginRateLimiter(clock, settings.maxLoginFailures(), settings.loginWindow());
        users.ensureAdmin(settings.initialAdminPassword(), banner);
        Accounts a = users.accounts();
        log.info("authentication on: {} users, {} API tokens from {} and config; anonymous reads {}",
                a.users().size(), a.tokens().size(), settings.usersFile(), settings.anonymousRead() ? "allowed" : "refused");
    }

    /** Who made this request, when authenticated; empty for anonymous callers. Set before any route handler runs. */
    public static Optional<AuthenticatedUser> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.before(AuthAccessControl::securityHeaders);
        config.routes.beforeMatched(this::authorize);
        config.routes.exception(AuthDenied.class, (e, ctx) -> {
            if (e.challenge) ctx.header("WWW-Authenticate", "Basic realm=\"sitrep\", charset=\"UTF-8\"");
            if (e.retryAfter != null) ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter.toSeconds())));
            ApiServer.error(ctx, e.status, e.getMessage());
        });
        config.routes.get("/login", this::showLogin);
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout);
        config.routes.get("/api/session", this::session);
        config.routes.get(LoginPage.CSS_PATH, ctx -> ctx.contentType("text/css; charset=utf-8").result(loginPage.css()));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    private void authorize(Context ctx) {
        Optional<AuthenticatedUser> user = authenticate(ctx);
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        Set<Role> required = requiredRoles(ctx);
        boolean unsafe = !SAFE_METHODS.contains(ctx.method());
        if (unsafe && user.isPresent() && user.get().method() != AuthMethod.SESSION) {
            // Basic and Bearer are not sent by other sites' pages on their own, except Basic credentials a
            // browser cached: a foreign Origin is refused whatever the method.
            if (SameOrigin.check(ctx.header("Origin"), null, ctx.host(), settings.allowedOrigins()) == SameOrigin.Verdict.CROSS) {
                throw AuthDenied.forbidden("cross-origin write refused (Origin " + clean(ctx.header("Origin")) + ")");
            }
        }
        if (required.isEmpty()) return;
        if (user.isEmpty()) {
            if (!unsafe && settings.anonymousRead() && required.contains(Role.VIEWER)) return;
            // scripted browser clients (X-Requested-With) get no challenge, so the browser shows no password dialog
            boolean challenge = ctx.header("X-Requested-With") == null;
            throw AuthDenied.unauthorized(unsafe
                    ? "authentication required: writes need a user with role " + roleNames(required)
                    : "authentication required (anonymous reads are off)", challenge);
        }
        AuthenticatedUser u = user.get();
        if (required.stream().noneMatch(u::has)) {
            if (unsafe) log.warn("write refused: {} {} by {} ({}) lacks role {}", ctx.method(), ctx.path(), u.name(), u.role(), required);
            throw AuthDenied.forbidden("user '" + u.name() + "' has role " + roleName(u.role()) + "; this needs "
                    + roleNames(required));
        }
        if (unsafe && u.method() == AuthMethod.SESSION) checkCsrf(ctx);
        if (unsafe) {
            log.info("write {} {} by {} ({} via {}) at {}", ctx.method(), ctx.path(), u.name(), roleName(u.role()),
                    u.method(), clock.instant());
        }
    }

    /** From the Authorization header if any (bad credentials there are never ignored), else the session cookie. */
    private Optional<AuthenticatedUser> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return sessions.touch(ctx.cookie(SESSION_COOKIE))
                    .map(s -> new AuthenticatedUser(s.user(), s.role(), AuthMethod.SESSION));
        }
        String ip = ctx.ip();
        Duration wait = limiter.retryAfter(ip);
        if (!wait.isZero()) throw AuthDenied.tooManyAttempts(wait);
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            Optional<AuthenticatedUser> u = users.checkToken(value);
            if (u.isEmpty()) {
                limiter.recordFailure(ip);
                log.warn("failed Bearer authentication from {} {} {}", ip, ctx.method(), ctx.path());
                throw AuthDenied.unauthorized("invalid API token", false);
            }
            return u;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String[] credentials = basic(value);
            Optional<AuthenticatedUser> u = credentials == null ? Optional.empty()
                    : users.checkPassword(credentials[0], credentials[1], AuthMethod.BASIC);
            if (u.isEmpty()) {
                limiter.recordFailure(ip);
                log.warn("failed Basic login for user '{}' from {}", credentials == null ? "?" : clean(credentials[0]), ip);
                throw AuthDenied.unauthorized("wrong user name or password", true);
            }
            return u;
        }
        throw AuthDenied.unauthorized("unsupported Authorization scheme '" + clean(scheme) + "': use Basic or Bearer", true);
    }

    private void checkCsrf(Context ctx) {
        Optional<SessionStore.Session> session = sessions.touch(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty() || !session.get().csrfMatches(ctx.header(CSRF_HEADER))) {
            throw AuthDenied.forbidden("missing or wrong " + CSRF_HEADER + " header: take csrfToken from GET /api/session");
        }
        SameOrigin.Verdict origin = SameOrigin.check(ctx.header("Origin"), ctx.header("Referer"), ctx.host(),
                settings.allowedOrigins());
        if (origin != SameOrigin.Verdict.SAME) {
            throw AuthDenied.forbidden(origin == SameOrigin.Verdict.CROSS
                    ? "cross-origin write refused (Origin " + clean(ctx.header("Origin")) + ")"
                    : "a browser write needs an Origin or Referer header of this site");
        }
    }

    private void showLogin(Context ctx) {
        String token = loginToken(ctx);
        noStore(ctx);
        ctx.contentType("text/html; charset=utf-8")
                .result(loginPage.render(LoginPage.safeNext(ctx.queryParam("next")), token, null));
    }

    private void login(Context ctx) throws IOException {
        boolean json = isJson(ctx);
        String ip = ctx.ip();
        String name;
        String password;
        String next;
        if (json) {
            JsonNode body = parseJson(ctx);
            name = body.path("user").asText(null);
            password = body.path("password").asText(null);
            next = "/";
        } else {
            name = ctx.formParam("user");
            password = ctx.formParam("password");
            next = LoginPage.safeNext(ctx.formParam("next"));
        }
        SameOrigin.Verdict origin = SameOrigin.check(ctx.header("Origin"), ctx.header("Referer"), ctx.host(),
                settings.allowedOrigins());
        if (origin == SameOrigin.Verdict.CROSS) {
            throw AuthDenied.forbidden("cross-origin login refused");
        }
        if (origin == SameOrigin.Verdict.UNKNOWN && !json && !loginTokenMatches(ctx)) {
            // a form post without a usable Origin: only our own form (cookie + hidden field) may log in
            throw AuthDenied.forbidden("login form expired or not ours: reload /login and try again");
        }
        Duration wait = limiter.retryAfter(ip);
        if (!wait.isZero()) {
            log.warn("login refused for user '{}' from {}: too many failures", clean(name), ip);
            if (json) throw AuthDenied.tooManyAttempts(wait);
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            renderLogin(ctx, 429, next, "Too many failed logins. Try again in " + Math.max(1, wait.toMinutes()) + " min.");
            return;
        }
        Optional<AuthenticatedUser> user = users.checkPassword(name, password, AuthMethod.SESSION);
        if (user.isEmpty()) {
            limiter.recordFailure(ip);
            log.warn("failed login for user '{}' from {}", clean(name), ip);
            if (json) throw AuthDenied.unauthorized("wrong user name or password", false);
            renderLogin(ctx, 401, next, "Wrong user name or password.");
            return;
        }
        sessions.remove(ctx.cookie(SESSION_COOKIE)); // a fresh id at each login: no session fixation
        SessionStore.Session session = sessions.create(user.get().name(), user.get().role());
        ctx.cookie(sessionCookie(ctx, session.id(), -1));
        ctx.removeCookie(LOGIN_COOKIE, "/login");
        ctx.attribute(USER_ATTRIBUTE, user.get());
        log.info("login: {} ({}) from {}", user.get().name(), roleName(user.get().role()), ip);
        noStore(ctx);
        if (json) {
            ApiServer.json(ctx, 200, JSON.writeValueAsString(sessionBody(user, session.csrfToken())));
        } else {
            ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    private void logout(Context ctx) throws IOException {
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<SessionStore.Session> session = sessions.touch(id);
        if (session.isPresent()) {
            String presented = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER)
                    : isForm(ctx) ? ctx.formParam("csrf") : null;
            if (!session.get().csrfMatches(presented)) {
                throw AuthDenied.forbidden("missing or wrong " + CSRF_HEADER + " header (or csrf form field)");
            }
            if (SameOrigin.check(ctx.header("Origin"), ctx.header("Referer"), ctx.host(), settings.allowedOrigins())
                    == SameOrigin.Verdict.CROSS) {
                throw AuthDenied.forbidden("cross-origin logout refused");
            }
            sessions.remove(id);
            log.info("logout: {}", session.get().user());
        }
        ctx.cookie(sessionCookie(ctx, "", 0));
        noStore(ctx);
        if (isJson(ctx) || accepts(ctx, "application/json")) {
            ApiServer.json(ctx, 200, "{\"loggedOut\":true}");
        } else {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    /** GET /api/session: who the caller is, and for cookie sessions the CSRF token writes must carry. */
    private void session(Context ctx) throws IOException {
        Optional<AuthenticatedUser> user = user(ctx);
        String csrf = user.filter(u -> u.method() == AuthMethod.SESSION)
                .flatMap(u -> sessions.touch(ctx.cookie(SESSION_COOKIE))).map(SessionStore.Session::csrfToken).orElse(null);
        noStore(ctx);
        ApiServer.json(ctx, 200, JSON.writeValueAsString(sessionBody(user, csrf)));
    }

    private ObjectNode sessionBody(Optional<AuthenticatedUser> user, String csrf) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode roles = JSON.createArrayNode();
        if (user.isPresent()) {
            body.put("user", user.get().name());
            user.get().roles().forEach(r -> roles.add(r.name()));
            body.put("method", user.get().method().name());
        } else {
            body.putNull("user");
            if (settings.anonymousRead()) roles.add(Role.VIEWER.name());
            body.putNull("method");
        }
        body.set("roles", roles);
        if (csrf == null) body.putNull("csrfToken");
        else body.put("csrfToken", csrf);
        body.put("anonymousRead", settings.anonymousRead());
        return body;
    }

    private void renderLogin(Context ctx, int status, String next, String message) {
        String token = loginToken(ctx);
        noStore(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(loginPage.render(next, token, message));
    }

    /** The login form's double-submit token: reused while the cookie lives so several tabs keep working. */
    private String loginToken(Context ctx) {
        String existing = ctx.cookie(LOGIN_COOKIE);
        String token = existing != null && existing.matches("[A-Za-z0-9_-]{43}") ? existing : SessionStore.randomId();
        ctx.cookie(new Cookie(LOGIN_COOKIE, token, "/login", 3600, secure(ctx), true, null, SameSite.STRICT));
        return token;
    }

    private static boolean loginTokenMatches(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        String field = ctx.formParam("csrf");
        return cookie != null && field != null && !cookie.isEmpty()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    private Cookie sessionCookie(Context ctx, String value, int maxAge) {
        return new Cookie(SESSION_COOKIE, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
    }

    private boolean secure(Context ctx) {
        return switch (settings.cookieSecure()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        };
    }

    private static Set<Role> requiredRoles(Context ctx) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (RouteRole r : ctx.routeRoles()) if (r instanceof Role role) out.add(role);
        return out;
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parseJson(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node != null && node.isObject()) return node;
        } catch (IOException e) {
            // reported below
        }
        throw new ApiServer.BadRequest("expected a JSON object {\"user\": ..., \"password\": ...}");
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean accepts(Context ctx, String type) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    /** A user-supplied value made safe for one log line or message: printable, at most 64 characters. */
    static String clean(String s) {
        if (s == null) return "";
        String printable = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

    private static String roleName(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    private static String roleNames(Set<Role> roles) {
        return String.join(" or ", roles.stream().map(AuthAccessControl::roleName).toList());
    }
}
