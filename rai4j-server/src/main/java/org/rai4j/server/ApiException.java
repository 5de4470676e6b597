package org.rai4j.server;

/**
 * A request that cannot be served, with what the user can do about it; rendered as RFC 9457
 * {@code application/problem+json} under {@code /api} and as an error page elsewhere.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String title;
    final String retryAfterSeconds;

    ApiException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    ApiException(int status, String title, String detail, String retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "Login required", detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    static ApiException unprocessable(String detail) {
        return new ApiException(422, "Invalid submission", detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    static ApiException tooMany(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too many requests", detail, Long.toString(Math.max(1, retryAfterSeconds)));
    }
}
