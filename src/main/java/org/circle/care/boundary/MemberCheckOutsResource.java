package org.circle.care.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.circle.care.control.CheckOuts;
import org.circle.care.entity.CareForms.CheckOutForm;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A member's check-out after a session: four ratings, a comment and a goal for next time. */
@Path("invitations/{token}/check-outs")
@Produces(MediaType.APPLICATION_JSON)
public class MemberCheckOutsResource {

    public record Recorded(String id, String sessionId, String at) { }

    @Inject
    Invitees invitees;

    @Inject
    CheckOuts checkOuts;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "checkOut", summary = "An invitee checks out after a session: four ratings, a comment, a goal")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CheckOutRequest")))
    @APIResponse(responseCode = "201", description = "the check-out, once committed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CareRecorded")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response checkOut(@PathParam("token") String token, String text) {
        var member = invitees.member(token);
        CheckOutForm form = CareRequests.checkOut(JsonBody.parse(text));
        var c = checkOuts.record(invitees.session(member, form.sessionId()), member.id(), form);
        return Response.status(201).entity(new Recorded(c.id(), c.sessionId(), c.checkedOutAt().toString())).build();
    }
}
