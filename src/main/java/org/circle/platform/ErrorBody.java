package org.circle.platform;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one shape of every error Circle answers: {@code {code, message, field?}}. */
public final class ErrorBody {

    private ErrorBody() { }

    public static String json(String code, String message, String field) {
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("code", code).add("message", message);
        if (field != null) body.add("field", field);
        return body.build().toString();
    }

    public static Response response(int status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(code, message, field)).build();
    }

    /** The same body, written by a servlet filter or error page that answers before JAX-RS does. */
    public static void write(HttpServletResponse response, int status, String code, String message, String field) throws IOException {
        byte[] body = json(code, message, field).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
