package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.io.PrintStream;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users and tokens in force: the users file (re-read when it changes, so {@code sitrep users add} needs no
 * restart) overridden by those in config. Checks passwords and tokens.
 */
final class UserDirectory {
    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    /**
     * PBKDF2 costs ~0.1 s on purpose, too much for Basic auth on every API call: remember recent successes by a
     * SHA-256 over name, stored hash and password (a changed hash invalidates them). Bounded; cleared when full.
     */
    private static final int MAX_VERIFIED = 1_000;

    private final UsersFile file;
    private final Accounts config;
    /** One per JVM: computing it costs as much as a login. */
    private static final String DECOY_HASH = PasswordHash.decoy();
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private volatile Loaded loaded;

    private record Loaded(FileTime stamp, Accounts accounts) {}

    UserDirectory(UsersFile file, Accounts config) {
        this.file = file;
        this.config = config;
        this.loaded = new Loaded(file.lastModified(), file.load().overriddenBy(config));
    }

    Accounts accounts() {
        FileTime stamp = file.lastModified();
        Loaded current = loaded;
        if (!Objects.equals(stamp, current.stamp())) {
            synchronized (this) {
                current = loaded;
                if (!Objects.equals(stamp, current.stamp())) {
                    try {
                        current = new Loaded(stamp, file.load().overriddenBy(config));
                        log.info("users file {} reloaded: {} users, {} tokens", file.path(),
                                current.accounts().users().size(), current.accounts().tokens().size());
                    } catch (RuntimeException e) {
                        // keep serving the last good accounts rather than locking everyone out over a typo
                        log.error("users file {} changed but cannot be loaded, keeping the previous users: {}",
                                file.path(), e.getMessage());
                        current = new Loaded(stamp, current.accounts());
                    }
                    loaded = current;
                }
            }
        }
        return current.accounts();
    }

    /** The user when the password is right. Unknown users cost the same time as known ones. */
    Optional<AuthenticatedUser> checkPassword(String name, String password, AuthMethod method) {
        if (name == null || password == null || password.isEmpty()) return Optional.empty();
        UserAccount account = accounts().users().get(name);
        String hash = account == null ? DECOY_HASH : account.passwordHash();
        String key = PasswordHash.sha256Hex(name + '\0' + hash + '\0' + password);
        boolean ok;
        if (account != null && verified.contains(key)) {
            ok = true;
        } else {
            char[] chars = password.toCharArray();
            try {
                ok = PasswordHash.verify(chars, hash) && account != null;
            } finally {
                PasswordHash.wipe(chars);
            }
            if (ok) {
                if (verified.size() >= MAX_VERIFIED) verified.clear();
                verified.add(key);
            }
        }
        return ok ? Optional.of(new AuthenticatedUser(name, account.role(), method)) : Optional.empty();
    }

    Optional<AuthenticatedUser> checkToken(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String digest = ApiToken.digest(token.strip());
        for (ServiceToken t : accounts().tokens().values()) {
            if (java.security.MessageDigest.isEqual(digest.getBytes(), t.digest().getBytes())) {
                return Optional.of(new AuthenticatedUser(t.name(), t.role(), AuthMethod.BEARER));
            }
        }
        return Optional.empty();
    }

    /**
     * Makes sure an admin exists. At the first start (no admin in file or config) it is created in the users file
     * with {@code initialPassword}, or a generated password that is printed once to {@code banner}; later starts
     * leave it alone.
     */
    void ensureAdmin(Optional<String> initialPassword, PrintStream banner) {
        Accounts current = accounts();
        if (current.users().containsKey(ADMIN)) {
            if (initialPassword.isPresent()) {
                log.info("{} ignored: the admin already exists (change it with `sitrep users add admin --role admin`)",
                        AuthSettings.ADMIN_PASSWORD_ENV);
            }
            return;
        }
        String password = initialPassword.orElseGet(() -> PasswordHash.generatePassword(GENERATED_PASSWORD_LENGTH));
        char[] chars = password.toCharArray();
        UserAccount admin;
        try {
            admin = new UserAccount(ADMIN, Role.ADMIN, PasswordHash.hash(chars));
        } finally {
            PasswordHash.wipe(chars);
        }
        file.save(file.load().withUser(admin));
        accounts();
        if (initialPassword.isPresent()) {
            log.info("admin user created in {} with the password from {}", file.path(), AuthSettings.ADMIN_PASSWORD_ENV);
        } else {
            log.warn("admin user created in {} with a generated password, printed once to stderr", file.path());
            String line = "*".repeat(72);
            banner.println(line);
            banner.println("*  sitrep: first start, an admin account was created.");
            banner.println("*  user:     " + ADMIN);
            banner.println("*  password: " + password);
            banner.println("*  It is shown only this once; only its hash is stored in " + file.path() + ".");
            banner.println("*  Change it with `sitrep users add admin --role admin`.");
            banner.println(line);
            banner.flush();
        }
    }

    Map<String, UserAccount> users() {
        return accounts().users();
    }
}
