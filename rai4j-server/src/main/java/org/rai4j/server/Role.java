package org.rai4j.server;

import java.util.Locale;

/** Account roles: the provider publishes models, customers run last-mile checks, hunters submit, admins run the platform. */
enum Role {
    ADMIN, PROVIDER, HUNTER, CUSTOMER;

    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String s) {
        for (Role r : values()) {
            if (r.spelling().equals(s)) {
                return r;
            }
        }
        throw ApiException.badRequest("role must be one of admin, provider, hunter, customer; got '" + s + "'");
    }
}
