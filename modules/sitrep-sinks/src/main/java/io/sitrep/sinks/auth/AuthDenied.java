package io.sitrep.sinks.auth;

import java.time.Duration;

/** A request refused by {@link AuthAccessControl}; rendered as JSON {@code {"error": reason}} with the status. */
final class AuthDenied extends RuntimeException {
    final int status;
    /** Whether to add {@code WWW-Authenticate: Basic realm="sitrep"} (401 to API clients). */
    final boolean challenge;
    /** For 429: when the client may try again; null otherwise. */
    final Duration retryAfter;

    AuthDenied(int status, String reason, boolean challenge, Duration retryAfter) {
        super(reason, null, false, false);
        this.status = status;
        this.challenge = challenge;
        this.retryAfter = retryAfter;
    }

    static AuthDenied unauthorized(String reason, boolean challenge) {
        return new AuthDenied(401, reason, challenge, null);
    }

    static AuthDenied forbidden(String reason) {
        return new AuthDenied(403, reason, false, null);
    }

    static AuthDenied tooManyAttempts(Duration retryAfter) {
        return new AuthDenied(429, "too many failed logins from this address; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " s", false, retryAfter);
    }
}
