package io.sitrep.app.cli;

import io.sitrep.app.config.SitrepConfig;
import io.sitrep.sinks.auth.Accounts;
import io.sitrep.sinks.auth.ApiToken;
import io.sitrep.sinks.auth.AuthSettings;
import io.sitrep.sinks.auth.PasswordHash;
import io.sitrep.sinks.auth.ServiceToken;
import io.sitrep.sinks.auth.UserAccount;
import io.sitrep.sinks.auth.UsersFile;
import io.sitrep.sinks.http.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sitrep users}: password hashes, users and API tokens in the users file. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage who may use the HTTP API: users (password, for people) and API tokens (for services).",
                "The users file is --users-file, else $SITREP_AUTH_USERS_FILE, else auth.users.file in the config file,"
                        + " else <data.dir>/users.properties. A running sitrep picks up changes without a restart.",
                "Passwords are read from the console (not echoed, asked twice) or, when piped, from the first line of stdin."},
        subcommands = {UsersCommand.HashPassword.class, UsersCommand.Add.class, UsersCommand.Token.class,
                UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Runnable {
    private static final int MIN_PASSWORD_LENGTH = 8;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Where the users file is; a mixin shared by the subcommands that use it. */
    static final class FileOptions {
        @Option(names = "--users-file", paramLabel = "FILE", description = "the users file")
        Path usersFile;

        @Option(names = "--data-dir", paramLabel = "D", description = "data directory holding users.properties (default ./var)")
        Path dataDir;

        @Option(names = "--config", paramLabel = "FILE", description = "properties file (default ./sitrep.properties when present)")
        Path configFile;

        UsersFile resolve() {
            if (usersFile != null) return new UsersFile(usersFile);
            String env = System.getenv("SITREP_AUTH_USERS_FILE");
            if (env != null && !env.isBlank()) return new UsersFile(Path.of(env));
            String fromFile = configValue(AuthSettings.USERS_FILE);
            if (fromFile != null && !fromFile.isBlank()) return new UsersFile(Path.of(fromFile.strip()));
            Map<String, String> cli = new LinkedHashMap<>();
            if (dataDir != null) cli.put("data.dir", dataDir.toString());
            Path dir = SitrepConfig.load(configFile, System.getenv(), cli).dataDir();
            return new UsersFile(dir.resolve(AuthSettings.USERS_FILE_NAME));
        }

        private String configValue(String key) {
            Path file = configFile != null ? configFile : Path.of(SitrepConfig.FILE_NAME);
            if (!Files.isRegularFile(file)) return null;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
            return p.getProperty(key);
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Print the hash of a password, for auth.users.<name>=<role>:<hash> in sitrep.properties.")
    static final class HashPassword implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword(spec);
            try {
                spec.commandLine().getOut().println(PasswordHash.hash(password));
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user, or set the password and role of an existing one.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "user name") String name;
        @Option(names = "--role", required = true, paramLabel = "R", description = "viewer, operator or admin") String role;
        @Mixin FileOptions files;

        @Override
        public Integer call() throws IOException {
            Role r = Accounts.role(role);
            UsersFile file = files.resolve();
            Accounts before = file.load();
            char[] password = readPassword(spec);
            UserAccount account;
            try {
                account = new UserAccount(name, r, PasswordHash.hash(password));
            } finally {
                Arrays.fill(password, '\0');
            }
            file.save(before.withUser(account));
            spec.commandLine().getErr().println((before.users().containsKey(name) ? "updated" : "added") + " user "
                    + name + " (" + r.name().toLowerCase(Locale.ROOT) + ") in " + file.path());
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Create (or replace) the API token of a service and print it once on stdout.",
                    "Only its SHA-256 is stored. Services send it as 'Authorization: Bearer <token>'."})
    static final class Token implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "service name") String name;
        @Option(names = "--role", required = true, paramLabel = "R", description = "viewer, operator or admin") String role;
        @Mixin FileOptions files;

        @Override
        public Integer call() {
            Role r = Accounts.role(role);
            UsersFile file = files.resolve();
            String token = ApiToken.generate();
            Accounts before = file.load();
            file.save(before.withToken(new ServiceToken(name, r, ApiToken.digest(token))));
            spec.commandLine().getErr().println((before.tokens().containsKey(name) ? "replaced" : "created") + " token "
                    + name + " (" + r.name().toLowerCase(Locale.ROOT) + ") in " + file.path()
                    + "; it is shown only now:");
            spec.commandLine().getOut().println(token);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and tokens with their roles (no secrets).")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin FileOptions files;

        @Override
        public Integer call() {
            Accounts accounts = files.resolve().load();
            accounts.users().values().forEach(u -> spec.commandLine().getOut().println("user  " + u.name() + " "
                    + u.role().name().toLowerCase(Locale.ROOT)));
            accounts.tokens().values().forEach(t -> spec.commandLine().getOut().println("token " + t.name() + " "
                    + t.role().name().toLowerCase(Locale.ROOT)));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the user and the token of that name.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Mixin FileOptions files;

        @Override
        public Integer call() {
            UsersFile file = files.resolve();
            Accounts before = file.load();
            if (!before.users().containsKey(name) && !before.tokens().containsKey(name)) {
                throw new IllegalArgumentException("no user or token named '" + name + "' in " + file.path());
            }
            file.save(before.without(name));
            spec.commandLine().getErr().println("removed " + name + " from " + file.path());
            return 0;
        }
    }

    /** From the console without echo (asked twice), else the first line of stdin. */
    private static char[] readPassword(CommandSpec spec) throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            boolean same = password != null && Arrays.equals(password, again);
            if (again != null) Arrays.fill(again, '\0');
            if (!same) throw new IllegalArgumentException("the passwords differ");
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            Arrays.fill(password, '\0');
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }
}
