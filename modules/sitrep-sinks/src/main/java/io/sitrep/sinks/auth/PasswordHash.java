package io.sitrep.sinks.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes from the JDK, encoded {@code pbkdf2-sha256$iterations$salt$hash}
 * (salt and hash unpadded Base64). The iteration count follows OWASP's 2023 advice for this function.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int ITERATIONS = 210_000;
    /** Hashes with fewer iterations are refused when loaded: they would make a stolen users file cheap to crack. */
    public static final int MIN_ITERATIONS = ITERATIONS;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Letters and digits people do not confuse (no 0/O, 1/l/I). */
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private PasswordHash() {}

    public static String hash(char[] password) {
        if (password.length == 0) throw new IllegalArgumentException("the password is empty");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        return SCHEME + "$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time comparison against an encoded hash previously checked by {@link #validate}. */
    public static boolean verify(char[] password, String encoded) {
        Parsed p = parse(encoded);
        byte[] actual = derive(password, p.salt, p.iterations);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /**
     * Checks an encoded hash as written in config or the users file.
     *
     * @throws IllegalArgumentException saying what is wrong with it (never echoing it)
     */
    public static void validate(String encoded) {
        parse(encoded);
    }

    /** A random password of {@code length} unambiguous letters and digits (about 5.8 bits each). */
    public static String generatePassword(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
        return new String(out);
    }

    /** A syntactically valid hash of a random password: verifying unknown users against it costs the same time. */
    static String decoy() {
        return hash(generatePassword(24).toCharArray());
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private static Parsed parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a password hash of the form " + SCHEME
                    + "$iterations$salt$hash (make one with `sitrep users hash-password`)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash iterations '" + parts[1] + "' is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("password hash has " + iterations + " iterations; at least "
                    + MIN_ITERATIONS + " are required");
        }
        try {
            byte[] salt = B64D.decode(parts[2]);
            byte[] hash = B64D.decode(parts[3]);
            if (salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("password hash has a salt or hash of the wrong length");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("password hash")) throw e;
            throw new IllegalArgumentException("password hash salt or hash is not Base64");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** SHA-256 of UTF-8 text as lower-case hex: how API tokens are stored. */
    static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    static void wipe(char[] c) {
        Arrays.fill(c, '\0');
    }
}
