package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.util.Objects;

/** A service that calls the API with {@code Authorization: Bearer <token>}; only the token's SHA-256 is held. */
public record ServiceToken(String name, Role role, String digest) {
    public ServiceToken {
        Accounts.validateName(name);
        Objects.requireNonNull(role, "role");
        ApiToken.validateDigest(digest);
    }

    @Override
    public String toString() {
        return "ServiceToken[" + name + ", " + role + "]";
    }
}
