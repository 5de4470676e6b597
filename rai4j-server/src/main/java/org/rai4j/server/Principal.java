package org.rai4j.server;

/**
 * The caller of a request.
 *
 * @param id       account id
 * @param username login name
 * @param role     role
 * @param team     the hunter's team (leaderboard and budgets are per team member)
 * @param csrf     the session's CSRF token, or null when the caller authenticated with an API token
 */
record Principal(long id, String username, Role role, String team, String csrf) {
    boolean viaToken() {
        return csrf == null;
    }
}
