package org.circle.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever was not meant as an answer still becomes one in the error shape: the platform's own
 * refusals (unknown path, wrong method or media type) keep their status, anything else is a 500
 * whose message carries only a correlation id. Stack traces go to the log, never to a client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        ApiError api = find(error, ApiError.class);
        if (api != null) return api.toResponse();
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return ErrorBody.response(status, codeFor(status), messageFor(status), null);
        }
        if (find(error, jakarta.json.JsonException.class) != null
                || find(error, jakarta.json.bind.JsonbException.class) != null) {
            return ErrorBody.response(400, "BAD_REQUEST", "The body is not valid JSON.", "body");
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + id, error);
        return ErrorBody.response(500, "INTERNAL", "Something went wrong on our side (reference " + id + ").", null);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            default -> "BAD_REQUEST";
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 404 -> "Not found.";
            case 405 -> "That method is not allowed here.";
            case 406 -> "That representation is not available.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be understood.";
        };
    }
}
