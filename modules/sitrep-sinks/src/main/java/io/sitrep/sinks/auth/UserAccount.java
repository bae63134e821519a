package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.util.Objects;

/** A person who signs in with a password (Basic or the login page). Holds the hash, never the password. */
public record UserAccount(String name, Role role, String passwordHash) {
    public UserAccount {
        Accounts.validateName(name);
        Objects.requireNonNull(role, "role");
        PasswordHash.validate(passwordHash);
    }

    @Override
    public String toString() {
        return "UserAccount[" + name + ", " + role + "]";
    }
}
