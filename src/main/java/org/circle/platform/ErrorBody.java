package org.circle.platform;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error Circle answers: {@code {code, message, field?}}. */
public final class ErrorBody {

    private ErrorBody() { }

    public static Response response(int status, String code, String message, String field) {
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("code", code).add("message", message);
        if (field != null) body.add("field", field);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
