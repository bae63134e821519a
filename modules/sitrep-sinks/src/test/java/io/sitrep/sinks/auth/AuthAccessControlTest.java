package io.sitrep.sinks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.sinks.http.ApiServer;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.http.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access control on a real Javalin server (port 0) with a tiny feature: one VIEWER read, one OPERATOR write. */
class AuthAccessControlTest {
    private static final String VIEWER_PW = "viewer-password-1";
    private static final String OPERATOR_PW = "operator-password-1";
    private static final String VIEWER_HASH = PasswordHash.hash(VIEWER_PW.toCharArray());
    private static final String OPERATOR_HASH = PasswordHash.hash(OPERATOR_PW.toCharArray());
    private static final String SERVICE_TOKEN = ApiToken.generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Echoes who the access control says acted: what the actions endpoint will record. */
    private static final HttpFeature TEST_FEATURE = cfg -> {
        cfg.routes.get("/t/read", ctx -> ctx.result("read by " + AuthAccessControl.user(ctx)
                .map(AuthenticatedUser::name).orElse("anonymous")), Role.VIEWER);
        cfg.routes.post("/t/write", ctx -> ctx.result(AuthAccessControl.user(ctx)
                .map(u -> u.name() + " via " + u.method() + " " + u.roles()).orElse("nobody")), Role.OPERATOR);
    };

    @TempDir Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock();
    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private AuthAccessControl start(Map<String, String> extra, Map<String, String> env) {
        Map<String, String> props = new HashMap<>(Map.of(
                "auth.users.vera", "viewer:" + VIEWER_HASH,
                "auth.users.otto", "operator:" + OPERATOR_HASH,
                "auth.tokens.feeder", "operator:" + ApiToken.digest(SERVICE_TOKEN)));
        props.putAll(extra);
        AuthAccessControl access = new AuthAccessControl(AuthSettings.from(props, dataDir, env), clock,
                new PrintStream(banner, true, StandardCharsets.UTF_8));
        if (server != null) server.close();
        server = ApiServer.start("127.0.0.1", 0, access, List.of(TEST_FEATURE));
        return access;
    }

    private void start() {
        start(Map.of(), Map.of("SITREP_ADMIN_PASSWORD", "admin-password-1"));
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder post(HttpRequest.Builder b) {
        return b.POST(HttpRequest.BodyPublishers.noBody());
    }

    private record Login(String cookie, String csrf) {}

    private Login loginJson(String user, String password) throws Exception {
        HttpResponse<String> r = send(request("/login").header("Content-Type", "application/json").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new Login(sessionCookie(r), JSON.readTree(r.body()).get("csrfToken").asText());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AuthAccessControl.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void anonymousMayReadButNotWrite() throws Exception {
        start();
        HttpResponse<String> read = send(request("/t/read"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("read by anonymous");

        HttpResponse<String> write = send(post(request("/t/write")));
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(write.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"sitrep\""));
        assertThat(json(write).get("error").asText()).contains("authentication required").contains("operator");

        HttpResponse<String> scripted = send(post(request("/t/write")).header("X-Requested-With", "fetch"));
        assertThat(scripted.statusCode()).isEqualTo(401);
        assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void readsNeedAuthenticationWhenAnonymousReadIsOff() throws Exception {
        start(Map.of("auth.anonymous-read", "false"), Map.of("SITREP_ADMIN_PASSWORD", "admin-password-1"));
        assertThat(send(request("/t/read")).statusCode()).isEqualTo(401);
        HttpResponse<String> r = send(request("/t/read").header("Authorization", basic("vera", VIEWER_PW)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("read by vera");
        assertThat(json(send(request("/api/session"))).get("roles")).isEmpty();
    }

    @Test
    void viewerWriteIsForbiddenWithAReason() throws Exception {
        start();
        HttpResponse<String> r = send(post(request("/t/write")).header("Authorization", basic("vera", VIEWER_PW)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error").asText()).isEqualTo("user 'vera' has role viewer; this needs operator");
    }

    @Test
    void operatorWritesViaBasicAndServicesViaBearer() throws Exception {
        start();
        HttpResponse<String> basic = send(post(request("/t/write")).header("Authorization", basic("otto", OPERATOR_PW)));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.body()).isEqualTo("otto via BASIC [VIEWER, OPERATOR]");

        HttpResponse<String> bearer = send(post(request("/t/write")).header("Authorization", "Bearer " + SERVICE_TOKEN));
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo("feeder via BEARER [VIEWER, OPERATOR]");

        HttpResponse<String> badToken = send(post(request("/t/write")).header("Authorization", "Bearer sitrep_nope"));
        assertThat(badToken.statusCode()).isEqualTo(401);
        HttpResponse<String> badPassword = send(request("/t/read").header("Authorization", basic("otto", "guess")));
        assertThat(badPassword.statusCode()).as("wrong credentials are refused even where anonymous would pass").isEqualTo(401);
        HttpResponse<String> crossSite = send(post(request("/t/write")).header("Authorization", basic("otto", OPERATOR_PW))
                .header("Origin", "https://evil.example"));
        assertThat(crossSite.statusCode()).as("cached Basic credentials sent by another site").isEqualTo(403);
    }

    @Test
    void loginCookieWritesNeedTheCsrfTokenAndOurOrigin() throws Exception {
        start();
        Login login = loginJson("otto", OPERATOR_PW);

        HttpResponse<String> session = send(request("/api/session").header("Cookie", login.cookie()));
        assertThat(json(session).get("user").asText()).isEqualTo("otto");
        assertThat(json(session).get("roles")).extracting(JsonNode::asText).containsExactly("VIEWER", "OPERATOR");
        assertThat(json(session).get("csrfToken").asText()).isEqualTo(login.csrf());
        assertThat(session.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> ok = send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()).header("Origin", origin()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("otto via SESSION");

        HttpResponse<String> noCsrf = send(post(request("/t/write")).header("Cookie", login.cookie()).header("Origin", origin()));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(json(noCsrf).get("error").asText()).contains("X-CSRF-Token");

        HttpResponse<String> wrongCsrf = send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf() + "x").header("Origin", origin()));
        assertThat(wrongCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> wrongOrigin = send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()).header("Origin", "https://evil.example"));
        assertThat(wrongOrigin.statusCode()).isEqualTo(403);
        assertThat(json(wrongOrigin).get("error").asText()).contains("cross-origin");

        HttpResponse<String> noOrigin = send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()));
        assertThat(noOrigin.statusCode()).isEqualTo(403);

        HttpResponse<String> referer = send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()).header("Referer", origin() + "/alerts"));
        assertThat(referer.statusCode()).isEqualTo(200);
    }

    @Test
    void loginFormSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() throws Exception {
        start();
        HttpResponse<String> page = send(request("/login?next=/alerts"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        Matcher hidden = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(hidden.find()).isTrue();
        String loginCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AuthAccessControl.LOGIN_COOKIE + "=")).findFirst().orElseThrow();
        loginCookie = loginCookie.substring(0, loginCookie.indexOf(';'));
        assertThat(page.body()).contains("value=\"/alerts\"");

        String form = "user=otto&password=" + URLEncoder.encode(OPERATOR_PW, StandardCharsets.UTF_8)
                + "&next=%2Falerts&csrf=" + hidden.group(1);
        // a form post under Referrer-Policy no-referrer carries Origin: null; the double-submit token stands in
        HttpResponse<String> forged = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(forged.statusCode()).as("no login cookie: not our form").isEqualTo(403);
        HttpResponse<String> foreign = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").header("Cookie", loginCookie).POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(foreign.statusCode()).isEqualTo(403);

        HttpResponse<String> r = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "null").header("Cookie", loginCookie).POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/alerts");
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AuthAccessControl.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
        String cookie = sessionCookie(r);
        String csrf = json(send(request("/api/session").header("Cookie", cookie))).get("csrfToken").asText();

        HttpResponse<String> logoutWithoutToken = send(post(request("/logout")).header("Cookie", cookie).header("Origin", origin()));
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> logout = send(post(request("/logout")).header("Cookie", cookie).header("Origin", origin())
                .header(AuthAccessControl.CSRF_HEADER, csrf).header("Accept", "application/json"));
        assertThat(logout.statusCode()).isEqualTo(200);
        HttpResponse<String> after = send(post(request("/t/write")).header("Cookie", cookie)
                .header(AuthAccessControl.CSRF_HEADER, csrf).header("Origin", origin()));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(send(request("/api/session").header("Cookie", cookie))).get("user").isNull()).isTrue();
    }

    @Test
    void wrongPasswordOnTheFormShowsTheFormAgainAndTheNextTargetStaysOnThisSite() throws Exception {
        start();
        HttpResponse<String> r = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin()).POST(HttpRequest.BodyPublishers.ofString("user=otto&password=nope&next=//evil.example")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Wrong user name or password.").contains("name=\"next\" value=\"/\"");
        assertThat(LoginPage.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(LoginPage.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(LoginPage.safeNext("/alerts?id=1")).isEqualTo("/alerts?id=1");
        assertThat(send(request("/login?next=%22%3E%3Cscript%3E")).body()).doesNotContain("\"><script>");
    }

    @Test
    void sessionsExpireAfterTheirTtlWithoutUse() throws Exception {
        start(Map.of("auth.session.ttl", "30m"), Map.of("SITREP_ADMIN_PASSWORD", "admin-password-1"));
        Login login = loginJson("otto", OPERATOR_PW);
        clock.advance(Duration.ofMinutes(20));
        assertThat(json(send(request("/api/session").header("Cookie", login.cookie()))).get("user").asText()).isEqualTo("otto");
        clock.advance(Duration.ofMinutes(20)); // 40 min after login, 20 after last use: still alive
        assertThat(send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()).header("Origin", origin())).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(send(post(request("/t/write")).header("Cookie", login.cookie())
                .header(AuthAccessControl.CSRF_HEADER, login.csrf()).header("Origin", origin())).statusCode()).isEqualTo(401);
    }

    @Test
    void failedLoginsAreRateLimitedPerAddressEvenForTheRightPassword() throws Exception {
        start(Map.of("auth.login.max-failures", "3", "auth.login.window", "10m"), Map.of("SITREP_ADMIN_PASSWORD", "admin-password-1"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = send(request("/login").header("Content-Type", "application/json").header("Origin", origin())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"otto\",\"password\":\"guess" + i + "\"}")));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).doesNotContain("guess");
        }
        HttpResponse<String> limited = send(request("/login").header("Content-Type", "application/json").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"otto\",\"password\":\"" + OPERATOR_PW + "\"}")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("600");
        assertThat(send(request("/t/read").header("Authorization", basic("otto", OPERATOR_PW))).statusCode())
                .as("Basic shares the limit").isEqualTo(429);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        loginJson("otto", OPERATOR_PW);
    }

    @Test
    void generatedAdminPasswordIsPrintedOnceAndStableAcrossRestarts() throws Exception {
        start(Map.of(), Map.of());
        String printed = banner.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("password: (\\S+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        String password = m.group(1);
        assertThat(password).hasSize(20);
        String file = Files.readString(dataDir.resolve("users.properties"));
        assertThat(file).contains("users.admin=admin:pbkdf2-sha256$").doesNotContain(password);

        banner.reset();
        start(Map.of(), Map.of()); // restart on the same data dir
        assertThat(banner.size()).as("printed only at the first start").isZero();
        assertThat(Files.readString(dataDir.resolve("users.properties"))).isEqualTo(file);
        HttpResponse<String> r = send(post(request("/t/write")).header("Authorization", basic("admin", password)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("admin via BASIC [VIEWER, OPERATOR, ADMIN]");
    }

    @Test
    void adminPasswordFromTheEnvironmentIsHonouredAtFirstStartOnly() throws Exception {
        start(Map.of(), Map.of("SITREP_ADMIN_PASSWORD", "env-admin-pw"));
        assertThat(banner.size()).isZero();
        assertThat(send(post(request("/t/write")).header("Authorization", basic("admin", "env-admin-pw"))).statusCode()).isEqualTo(200);

        start(Map.of(), Map.of("SITREP_ADMIN_PASSWORD", "another-admin-pw"));
        assertThat(send(post(request("/t/write")).header("Authorization", basic("admin", "another-admin-pw"))).statusCode()).isEqualTo(401);
        assertThat(send(post(request("/t/write")).header("Authorization", basic("admin", "env-admin-pw"))).statusCode()).isEqualTo(200);
    }

    @Test
    void usersAddedToTheFileWhileRunningCanSignInWithoutRestart() throws Exception {
        start();
        UsersFile file = new UsersFile(dataDir.resolve("users.properties"));
        file.save(file.load().withUser(new UserAccount("nina", Role.OPERATOR, PasswordHash.hash("nina-password".toCharArray()))));
        // the file's timestamp may equal the previous write's on coarse clocks: make the change visible
        Files.setLastModifiedTime(file.path(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(send(post(request("/t/write")).header("Authorization", basic("nina", "nina-password"))).statusCode()).isEqualTo(200);
    }

    @Test
    void securityHeadersOnEveryResponse() throws Exception {
        start();
        for (HttpResponse<String> r : List.of(send(request("/t/read")), send(post(request("/t/write"))),
                send(request("/no/such/page")), send(request("/login")), send(request("/health")))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().getPath())
                    .contains(AuthAccessControl.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
        assertThat(AuthAccessControl.CONTENT_SECURITY_POLICY).doesNotContain("unsafe");
        assertThat(send(request("/auth/login.css")).statusCode()).isEqualTo(200);
    }
}
