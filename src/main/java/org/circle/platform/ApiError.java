package org.circle.platform;

import jakarta.ws.rs.core.Response;

/**
 * A refusal the client is meant to read: a stable {@code code}, a sentence, and for bad input the
 * field at fault. Thrown anywhere below a resource; {@link ApiErrorMapper} turns it into JSON.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError badRequest(String field, String message) { return new ApiError(400, "BAD_REQUEST", message, field); }
    public static ApiError unauthenticated() { return new ApiError(401, "UNAUTHENTICATED", "Please log in again.", null); }
    public static ApiError forbidden(String message) { return new ApiError(403, "FORBIDDEN", message, null); }
    public static ApiError notFound() { return new ApiError(404, "NOT_FOUND", "Not found.", null); }
    public static ApiError conflict(String code, String message) { return new ApiError(409, code, message, null); }
    public static ApiError rateLimited(String message) { return new ApiError(429, "RATE_LIMITED", message, null); }
    /** A refusal that says, in Retry-After too, how many seconds to wait. */
    public static ApiError rateLimited(String message, long retryAfterSeconds) {
        return new ApiError(429, "RATE_LIMITED", message, null) {
            @Override public Response toResponse() {
                return Response.fromResponse(super.toResponse()).header("Retry-After", retryAfterSeconds).build();
            }
        };
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }

    public Response toResponse() {
        return ErrorBody.response(status, code, getMessage(), field);
    }
}
