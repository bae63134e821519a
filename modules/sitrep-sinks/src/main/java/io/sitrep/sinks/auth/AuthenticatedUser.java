package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request: a user or a service token's name, the role granted and how it was proven.
 *
 * @param name the user name, or the token's name for {@link AuthMethod#BEARER}
 */
public record AuthenticatedUser(String name, Role role, AuthMethod method) {
    public AuthenticatedUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
    }

    /** Every role this user holds: an admin holds all, an operator also viewer. */
    public Set<Role> roles() {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) if (role.grants(r)) out.add(r);
        return out;
    }

    public boolean has(Role required) {
        return role.grants(required);
    }
}
