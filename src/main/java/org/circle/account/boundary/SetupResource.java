package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.circle.account.control.Accounts;
import org.circle.account.entity.FacilitatorView;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
public class SetupResource {

    @Inject
    Accounts accounts;

    /** Lets the console decide between the setup form and the login form. */
    @GET
    @Operation(operationId = "setupStatus", summary = "Whether first-run setup has been done")
    @APIResponse(responseCode = "200", description = "setUp: false until the first facilitator exists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SetupStatus")))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Map<String, Boolean> status() {
        return Map.of("setUp", accounts.anyFacilitator());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "setUp", summary = "First-run setup: the first facilitator, with the code printed in the server log")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SetupRequest")))
    @APIResponse(responseCode = "201", description = "the first facilitator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FacilitatorAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response setUp(String text) {
        JsonBody body = JsonBody.parse(text);
        String code = body.text("setupCode", 100);
        String email = body.email("email");
        String name = body.name("displayName", 80);
        String password = body.secret("password", Passwords.MIN, Passwords.MAX);
        var f = accounts.setUp(code, email, name, password);
        return Response.status(201).entity(Map.of("facilitator", FacilitatorView.of(f))).build();
    }
}
