package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The users file ({@code <data.dir>/users.properties} by default): {@code users.<name>=<role>:<hash>} and
 * {@code tokens.<name>=<role>:<sha256>} lines. Written atomically, readable by its owner only; edited by
 * {@code sitrep users} and by the first start (the admin).
 */
public final class UsersFile {
    private final Path path;

    public UsersFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The accounts in the file; none when it does not exist. */
    public Accounts load() {
        if (!Files.exists(path)) return Accounts.EMPTY;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + path, e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(Accounts.USERS) && !key.startsWith(Accounts.TOKENS)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in users file " + path
                        + ": expected users.<name> or tokens.<name>");
            }
            entries.put(key, p.getProperty(key));
        }
        return Accounts.parse(new java.util.TreeMap<>(entries), "", "users file " + path);
    }

    /** When the file last changed, or null when it does not exist: lets a running server pick up CLI edits. */
    FileTime lastModified() {
        try {
            return Files.exists(path) ? Files.getLastModifiedTime(path) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Replaces the file's content with {@code accounts}, atomically. */
    public void save(Accounts accounts) {
        StringBuilder out = new StringBuilder()
                .append("# sitrep users and API tokens. Edit with `sitrep users`; hashes only, never passwords or tokens.\n")
                .append("# users.<name>=<role>:pbkdf2-sha256$iterations$salt$hash\n")
                .append("# tokens.<name>=<role>:<sha256 of the token, hex>\n");
        accounts.users().values().forEach(u -> out.append(Accounts.USERS).append(u.name()).append('=')
                .append(roleName(u.role())).append(':').append(u.passwordHash()).append('\n'));
        accounts.tokens().values().forEach(t -> out.append(Accounts.TOKENS).append(t.name()).append('=')
                .append(roleName(t.role())).append(':').append(t.digest()).append('\n'));
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, out, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users file " + path, e);
        }
    }

    static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
