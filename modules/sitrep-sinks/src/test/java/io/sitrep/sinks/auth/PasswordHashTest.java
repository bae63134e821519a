package io.sitrep.sinks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void hashesAreSaltedPbkdf2WithEnoughIterationsAndVerify() {
        String a = PasswordHash.hash("correct horse".toCharArray());
        String b = PasswordHash.hash("correct horse".toCharArray());
        assertThat(a).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b).doesNotContain("correct");
        assertThat(PasswordHash.verify("correct horse".toCharArray(), a)).isTrue();
        assertThat(PasswordHash.verify("correct horse".toCharArray(), b)).isTrue();
        assertThat(PasswordHash.verify("correct hors".toCharArray(), a)).isFalse();
    }

    @Test
    void refusesMalformedAndWeakHashesWithAReason() {
        assertThatThrownBy(() -> PasswordHash.validate("secret")).hasMessageContaining("pbkdf2-sha256$iterations$salt$hash");
        assertThatThrownBy(() -> PasswordHash.validate("pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaA"))
                .hasMessageContaining("1000 iterations; at least 210000");
        assertThatThrownBy(() -> PasswordHash.validate("pbkdf2-sha256$x$c2FsdHNhbHQ$aGFzaA")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHash.validate("pbkdf2-sha256$210000$c2FsdHNhbHQ$aGFzaA"))
                .hasMessageContaining("wrong length");
        assertThatThrownBy(() -> PasswordHash.validate("pbkdf2-sha256$210000$!!!$!!!")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> PasswordHash.hash(new char[0])).hasMessageContaining("empty");
    }

    @Test
    void generatedPasswordsAndTokensAreRandomAndTokensStoredAsSha256() {
        assertThat(PasswordHash.generatePassword(20)).hasSize(20).matches("[a-km-zA-HJ-NP-Z2-9]+")
                .isNotEqualTo(PasswordHash.generatePassword(20));
        String token = ApiToken.generate();
        assertThat(token).startsWith("sitrep_").hasSize(7 + 43).isNotEqualTo(ApiToken.generate());
        assertThat(ApiToken.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> ApiToken.validateDigest(token)).hasMessageContaining("64 lower-case hex");
    }
}
