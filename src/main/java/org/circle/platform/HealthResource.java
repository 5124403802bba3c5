package org.circle.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The contract's own readiness address, answering as MicroProfile's /health/ready does: the same
 * checks (database, integrity, media server, data grid), so the two can never tell an operator different things.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @GET
    @Path("ready")
    @Operation(operationId = "ready", summary = "Readiness: the database, the consent records' integrity, and the media server and data grid (both reported, never failing)")
    @APIResponse(responseCode = "200", description = "ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Readiness")))
    @APIResponse(responseCode = "503", description = "not ready: the checks say which is down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Readiness")))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response ready() {
        boolean up = true;
        var list = Jsons.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse answer = check.call();
            boolean checkUp = answer.getStatus() == HealthCheckResponse.Status.UP;
            up &= checkUp;
            JsonObjectBuilder entry = Jsons.createObjectBuilder().add("name", answer.getName()).add("status", checkUp ? "UP" : "DOWN");
            answer.getData().filter(d -> !d.isEmpty()).ifPresent(data -> {
                var fields = Jsons.createObjectBuilder();
                data.forEach((k, v) -> fields.add(k, String.valueOf(v)));
                entry.add("data", fields);
            });
            list.add(entry);
        }
        String body = Jsons.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", list).build().toString();
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
