package io.sitrep.sinks.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * API tokens for services ({@code Authorization: Bearer <token>}). A token is 32 random bytes; only its SHA-256
 * is ever stored, so the users file does not hold anything a caller could present.
 */
public final class ApiToken {
    public static final String PREFIX = "sitrep_";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiToken() {}

    /** A new token, to be shown to its owner once. The prefix makes leaked tokens easy to find by secret scanners. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored for a token: its SHA-256 in lower-case hex. */
    public static String digest(String token) {
        return PasswordHash.sha256Hex(token);
    }

    /** @throws IllegalArgumentException when {@code digest} is not 64 lower-case hex digits */
    public static void validateDigest(String digest) {
        if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a token digest: expected the SHA-256 of the token as 64 lower-case"
                    + " hex digits (make one with `sitrep users token`)");
        }
    }
}
