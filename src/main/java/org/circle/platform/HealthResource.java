package org.circle.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The contract's own readiness address, answering as MicroProfile's /health/ready does. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @GET
    @Path("ready")
    public Response ready() {
        boolean database = Database.answers();
        Map<String, String> problems = Integrity.problems();
        boolean up = database && problems.isEmpty();
        var integrity = Jsons.createObjectBuilder().add("name", IntegrityReadiness.NAME).add("status", problems.isEmpty() ? "UP" : "DOWN");
        if (!problems.isEmpty()) {
            var data = Jsons.createObjectBuilder();
            problems.forEach(data::add);
            integrity.add("data", data);
        }
        String body = Jsons.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                .add("checks", Jsons.createArrayBuilder()
                        .add(Jsons.createObjectBuilder().add("name", "database").add("status", database ? "UP" : "DOWN"))
                        .add(integrity))
                .build().toString();
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
