package org.circle.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The contract's own readiness address, answering as MicroProfile's /health/ready does. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @GET
    @Path("ready")
    public Response ready() {
        boolean up = Database.answers();
        String status = up ? "UP" : "DOWN";
        String body = "{\"status\":\"" + status + "\",\"checks\":[{\"name\":\"database\",\"status\":\"" + status + "\"}]}";
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
