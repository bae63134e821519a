package io.sitrep.sinks.auth;

/** How a caller proved who they are. */
public enum AuthMethod {
    /** {@code Authorization: Basic}: user name and password on every request. */
    BASIC,
    /** {@code Authorization: Bearer}: an API token of a service. */
    BEARER,
    /** The session cookie set by the login page. */
    SESSION
}
