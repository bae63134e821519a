package io.sitrep.sinks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.sinks.http.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {
    private static final String HASH = PasswordHash.hash("a-good-password".toCharArray());
    private static final String DIGEST = ApiToken.digest("sitrep_example");
    @TempDir Path dir;

    @Test
    void defaultsAreSecureAndPutTheUsersFileInTheDataDir() {
        AuthSettings s = AuthSettings.defaults(dir);
        assertThat(s.usersFile()).isEqualTo(dir.resolve("users.properties"));
        assertThat(s.anonymousRead()).isTrue();
        assertThat(s.sessionTtl()).isEqualTo(Duration.ofHours(8));
        assertThat(s.maxLoginFailures()).isEqualTo(10);
        assertThat(s.cookieSecure()).isEqualTo(AuthSettings.CookieSecure.AUTO);
        assertThat(s.initialAdminPassword()).isEmpty();
    }

    @Test
    void readsEveryKeyUsersTokensAndTheAdminPasswordIgnoringOtherKeys() {
        AuthSettings s = AuthSettings.from(Map.of(
                "http.port", "8080",
                "auth.users.file", dir.resolve("u.properties").toString(),
                "auth.anonymous-read", "false",
                "auth.session.ttl", "30m",
                "auth.login.max-failures", "3",
                "auth.login.window", "PT2M",
                "auth.cookie.secure", "always",
                "auth.allowed-origins", "https://ops.example, http://10.0.0.5:8080",
                "auth.users.otto", "Operator:" + HASH,
                "auth.tokens.feeder", "viewer:" + DIGEST), dir, Map.of("SITREP_ADMIN_PASSWORD", "first-start-pw"));
        assertThat(s.usersFile()).isEqualTo(dir.resolve("u.properties"));
        assertThat(s.anonymousRead()).isFalse();
        assertThat(s.sessionTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxLoginFailures()).isEqualTo(3);
        assertThat(s.loginWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.cookieSecure()).isEqualTo(AuthSettings.CookieSecure.ALWAYS);
        assertThat(s.allowedOrigins()).containsExactlyInAnyOrder("https://ops.example:443", "http://10.0.0.5:8080");
        assertThat(s.configAccounts().users().get("otto").role()).isEqualTo(Role.OPERATOR);
        assertThat(s.configAccounts().tokens().get("feeder").role()).isEqualTo(Role.VIEWER);
        assertThat(s.initialAdminPassword()).contains("first-start-pw");
        assertThat(s.toString()).doesNotContain("first-start-pw").doesNotContain(HASH);
    }

    @Test
    void errorsNameTheKeyAndWhatIsExpected() {
        assertThatThrownBy(() -> from("auth.anonymous", "true")).hasMessageContaining("unknown key 'auth.anonymous'");
        assertThatThrownBy(() -> from("auth.anonymous-read", "maybe")).hasMessageContaining("auth.anonymous-read='maybe': expected true or false");
        assertThatThrownBy(() -> from("auth.session.ttl", "soon")).hasMessageContaining("auth.session.ttl='soon': expected a positive duration");
        assertThatThrownBy(() -> from("auth.session.ttl", "0s")).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> from("auth.login.max-failures", "-1")).hasMessageContaining("positive integer");
        assertThatThrownBy(() -> from("auth.cookie.secure", "sometimes")).hasMessageContaining("auto, always or never");
        assertThatThrownBy(() -> from("auth.allowed-origins", "ops.example")).hasMessageContaining("not an origin");
        assertThatThrownBy(() -> from("auth.users.otto", "chief:" + HASH)).hasMessageContaining("auth.users.otto in configuration: unknown role 'chief'");
        assertThatThrownBy(() -> from("auth.users.otto", "operator:plaintext")).hasMessageContaining("auth.users.otto").hasMessageContaining("sitrep users hash-password");
        assertThatThrownBy(() -> from("auth.users.otto", HASH)).hasMessageContaining("expected <role>:<password hash>");
        assertThatThrownBy(() -> from("auth.tokens.feeder", "viewer:abc")).hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> from("auth.users.bad name", "viewer:" + HASH)).hasMessageContaining("bad name 'bad name'");
        assertThatThrownBy(() -> AuthSettings.from(Map.of(), dir, Map.of("SITREP_ADMIN_PASSWORD", "short")))
                .hasMessageContaining("SITREP_ADMIN_PASSWORD is too short");
    }

    @Test
    void usersFileRoundTripsOwnerOnlyAndRejectsUnknownKeys() throws Exception {
        UsersFile file = new UsersFile(dir.resolve("sub/users.properties"));
        assertThat(file.load()).isEqualTo(Accounts.EMPTY);
        Accounts accounts = Accounts.EMPTY.withUser(new UserAccount("otto", Role.OPERATOR, HASH))
                .withToken(new ServiceToken("feeder", Role.VIEWER, DIGEST));
        file.save(accounts);
        assertThat(file.load()).isEqualTo(accounts);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(Files.readString(file.path())).contains("users.otto=operator:" + HASH, "tokens.feeder=viewer:" + DIGEST);
        file.save(file.load().without("feeder"));
        assertThat(file.load().tokens()).isEmpty();

        Files.writeString(file.path(), "admin=admin:" + HASH + "\n");
        assertThatThrownBy(file::load).hasMessageContaining("unknown key 'admin'").hasMessageContaining(file.path().toString());
    }

    private AuthSettings from(String key, String value) {
        return AuthSettings.from(Map.of(key, value), dir, Map.of());
    }
}
