package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A facilitator adds a colleague, who can then log in and be added to groups. */
@Path("facilitators")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class FacilitatorsResource {

    @Inject
    Accounts accounts;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "addColleague", summary = "Add a colleague, who can then log in and be added to groups")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewFacilitator")))
    @APIResponse(responseCode = "201", description = "the colleague",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FacilitatorAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response add(String text) {
        JsonBody body = JsonBody.parse(text);
        String email = body.email("email");
        String name = body.name("displayName", 80);
        String password = body.secret("password", Passwords.MIN, Passwords.MAX);
        var f = accounts.create(email, name, password);
        return Response.status(201).entity(Map.of("facilitator", FacilitatorView.of(f))).build();
    }
}
