package io.sitrep.sinks.http;

import io.javalin.security.RouteRole;

/** Who may call a route. An admin holds every role; an operator also holds viewer. */
public enum Role implements RouteRole {
    VIEWER, OPERATOR, ADMIN;

    public boolean grants(Role required) {
        return this == ADMIN || this == required || (this == OPERATOR && required == VIEWER);
    }
}
