package org.rai4j.server;

import io.javalin.http.Context;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts, sessions and API tokens. Passwords are hashed with bcrypt (spring-security-crypto, cost 10);
 * session ids and API tokens are 256-bit random values of which only the SHA-256 is stored, so a stolen
 * database yields no usable credential and a tampered cookie matches nothing. Sessions carry a CSRF
 * token that every state-changing form must echo. Failed logins are throttled per user name and per
 * client address (5 failures in 15 minutes lock that key for the rest of the window). Thread-safe.
 */
final class Auth {
    static final String SESSION_COOKIE = "rai4j_session";
    static final String PRE_COOKIE = "rai4j_pre";
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final Store store;
    private final Secrets secrets = new Secrets();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    /**
     * A bcrypt hash (cost 10, of a discarded random string) to compare against when the user does not exist, so
     * timing does not reveal user names. A constant: hashing one at every start cost a bcrypt round on the start-up
     * path, and its secrecy does not matter (a login for a missing user fails whatever matches).
     */
    private static final String DUMMY_HASH = "$2a$10$.BB2c7ygS3W8nxXaZ3dOJe/kzLnuMfPak3yyp5OX5JztYkcNunB8i";

    private record Failures(int count, Instant since) {}

    Auth(Store store) {
        this.store = store;
    }

    Secrets secrets() {
        return secrets;
    }

    String hash(String password) {
        return bcrypt.encode(password);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 10 || password.length() > 200) {
            throw ApiException.badRequest("password: expected 10 to 200 characters");
        }
    }

    static void checkUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,62}")) {
            throw ApiException.badRequest("username: expected 2-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    long createUser(String username, String password, Role role, String team) {
        checkUsername(username);
        checkPassword(password);
        String t = team == null || team.isBlank() ? username : team.strip();
        if (!t.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}")) {
            throw ApiException.badRequest("team: expected up to 63 letters, digits, spaces, '.', '_' or '-'");
        }
        if (store.userByName(username).isPresent()) {
            throw ApiException.conflict("the user name '" + username + "' is taken; choose another");
        }
        return store.createUserDurably(username, hash(password), role, t);
    }

    /** Checks a login; throttled. Returns the user or throws 401/429. */
    Store.User login(String username, String password, String clientIp) {
        String userKey = "u:" + (username == null ? "" : username);
        String ipKey = "ip:" + clientIp;
        throttle(userKey);
        throttle(ipKey);
        Optional<Store.User> u = username == null ? Optional.empty() : store.userByName(username);
        boolean ok = bcrypt.matches(password == null ? "" : password, u.map(Store.User::passwordHash).orElse(DUMMY_HASH)) && u.isPresent();
        if (!ok) {
            fail(userKey);
            fail(ipKey);
            throw ApiException.unauthorized("wrong user name or password");
        }
        failures.remove(userKey);
        return u.get();
    }

    private void throttle(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return;
        }
        Instant until = f.since().plus(FAILURE_WINDOW);
        if (Instant.now().isAfter(until)) {
            failures.remove(key, f);
            return;
        }
        if (f.count() >= MAX_FAILURES) {
            throw ApiException.tooMany("too many failed logins; wait " + Duration.between(Instant.now(), until).toMinutes() + 1
                    + " minute(s) and try again", Duration.between(Instant.now(), until).toSeconds());
        }
    }

    private void fail(String key) {
        failures.merge(key, new Failures(1, Instant.now()), (a, b) -> new Failures(a.count() + 1, a.since()));
    }

    /** Starts a session: sets the HttpOnly, SameSite=Lax cookie (Secure behind TLS). */
    void startSession(Context ctx, Store.User u) {
        String token = secrets.token();
        store.insertSession(Secrets.hash(token), u.id(), secrets.token(), Instant.now().plus(SESSION_LIFETIME));
        setCookie(ctx, SESSION_COOKIE, token, (int) SESSION_LIFETIME.toSeconds());
    }

    void endSession(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null) {
            store.deleteSession(Secrets.hash(token));
        }
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    static void setCookie(Context ctx, String name, String value, int maxAge) {
        boolean secure = "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    /** An API token for {@code user}; returns the token (shown once), storing only its hash. */
    String newToken(long userId, String label) {
        String token = "r4j_" + secrets.token();
        store.insertToken(Secrets.hash(token), userId, label);
        return token;
    }

    /** The caller, from an {@code Authorization: Bearer} token or the session cookie, or empty. */
    Optional<Principal> principal(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.startsWith("Bearer ")) {
                throw ApiException.unauthorized("Authorization: expected 'Bearer <token>'");
            }
            Store.User u = store.userForToken(Secrets.hash(auth.substring(7).strip()))
                    .orElseThrow(() -> ApiException.unauthorized("the API token is not valid (revoked or mistyped)"));
            return Optional.of(new Principal(u.id(), u.username(), u.role(), u.team(), null));
        }
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return store.sessionUser(Secrets.hash(token))
                .map(su -> new Principal(su.user().id(), su.user().username(), su.user().role(), su.user().team(), su.csrf()));
    }

    /** The anonymous form token (double-submit cookie) for login and sign-up forms; created when missing. */
    String preToken(Context ctx) {
        String t = ctx.cookie(PRE_COOKIE);
        if (t == null || !t.matches("[A-Za-z0-9_-]{43}")) {
            t = secrets.token();
            setCookie(ctx, PRE_COOKIE, t, 3600);
        }
        return t;
    }
}
