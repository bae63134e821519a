package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side login sessions: a random id (the cookie) to user, role and CSRF token, expiring after
 * {@code ttl} without use. Held in memory: a restart signs everyone out, which is acceptable for an ops screen.
 */
final class SessionStore {
    /** Bound on live sessions so a flood of logins cannot exhaust memory; the stalest go first. */
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String user, Role role, String csrfToken, Instant expiresAt) {
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    SessionStore(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    Session create(String user, Role role) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) evict(now);
        Session s = new Session(randomId(), user, role, randomId(), now.plus(ttl));
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of that id, its expiry pushed back; empty when unknown or expired. */
    Optional<Session> touch(String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (!s.expiresAt().isAfter(now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        Session renewed = new Session(s.id(), s.user(), s.role(), s.csrfToken(), now.plus(ttl));
        sessions.replace(id, s, renewed);
        return Optional.of(renewed);
    }

    void remove(String id) {
        if (id != null) sessions.remove(id);
    }

    int size() {
        return sessions.size();
    }

    private void evict(Instant now) {
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expiresAt))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
    }

    static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
