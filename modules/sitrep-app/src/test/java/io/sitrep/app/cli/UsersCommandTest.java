package io.sitrep.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.app.Main;
import io.sitrep.sinks.auth.Accounts;
import io.sitrep.sinks.auth.ApiToken;
import io.sitrep.sinks.auth.PasswordHash;
import io.sitrep.sinks.auth.UsersFile;
import io.sitrep.sinks.http.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UsersCommandTest {
    @TempDir Path dir;

    private record Run(int exit, String out, String err) {}

    /** Runs {@code sitrep users ...} with {@code stdin} piped (no console under the test runner). */
    private Run run(String stdin, String... args) {
        InputStream before = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void hashPasswordPrintsAHashOfThePipedPassword() {
        Run r = run("s3cret-pass\n", "users", "hash-password");
        assertThat(r.exit()).isZero();
        String hash = r.out().strip();
        assertThat(PasswordHash.verify("s3cret-pass".toCharArray(), hash)).isTrue();
        assertThat(r.out()).doesNotContain("s3cret-pass");

        Run tooShort = run("short\n", "users", "hash-password");
        assertThat(tooShort.exit()).isEqualTo(1);
        assertThat(tooShort.err()).contains("at least 8 characters");
    }

    @Test
    void addTokenListAndRemoveEditTheUsersFile() throws Exception {
        String file = dir.resolve("users.properties").toString();
        assertThat(run("otto-password\n", "users", "add", "otto", "--role", "operator", "--users-file", file).exit()).isZero();
        Run token = run("", "users", "token", "feeder", "--role", "viewer", "--users-file", file);
        assertThat(token.exit()).isZero();
        assertThat(token.err()).contains("shown only now");
        String printed = token.out().strip();
        assertThat(printed).startsWith(ApiToken.PREFIX);

        Accounts accounts = new UsersFile(Path.of(file)).load();
        assertThat(accounts.users().get("otto").role()).isEqualTo(Role.OPERATOR);
        assertThat(PasswordHash.verify("otto-password".toCharArray(), accounts.users().get("otto").passwordHash())).isTrue();
        assertThat(accounts.tokens().get("feeder").digest()).isEqualTo(ApiToken.digest(printed));
        assertThat(Files.readString(Path.of(file))).doesNotContain(printed).doesNotContain("otto-password");

        assertThat(run("", "users", "list", "--users-file", file).out()).contains("user  otto operator", "token feeder viewer");
        assertThat(run("", "users", "remove", "feeder", "--users-file", file).exit()).isZero();
        assertThat(new UsersFile(Path.of(file)).load().tokens()).isEmpty();
        Run missing = run("", "users", "remove", "nobody", "--users-file", file);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no user or token named 'nobody'");
    }

    @Test
    void defaultsToUsersPropertiesInTheDataDirAndRejectsUnknownRoles() {
        assertThat(run("admin-password\n", "users", "add", "admin", "--role", "admin", "--data-dir", dir.toString()).exit()).isZero();
        assertThat(new UsersFile(dir.resolve("users.properties")).load().users()).containsKey("admin");
        Run bad = run("", "users", "token", "x", "--role", "chief", "--data-dir", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown role 'chief'");
    }
}
