package org.rai4j.server;

/** Who may call a route. Reading is public; writing needs a session or an API token, some writes a role. */
enum Access {
    /** Anyone, logged in or not. */
    PUBLIC,
    /** Any logged-in account. */
    USER,
    /** Hunters (and admins). */
    HUNTER,
    /** Providers (and admins). */
    PROVIDER,
    /** Admins only. */
    ADMIN;

    boolean allows(Role role) {
        return switch (this) {
            case PUBLIC, USER -> true;
            case HUNTER -> role == Role.HUNTER || role == Role.ADMIN;
            case PROVIDER -> role == Role.PROVIDER || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
