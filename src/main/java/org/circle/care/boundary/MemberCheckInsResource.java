package org.circle.care.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.circle.care.control.CheckIns;
import org.circle.care.entity.CareForms.CheckInForm;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A member checks in for a session: where they are, a call-back number. The 201 comes after the commit. */
@Path("invitations/{token}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
public class MemberCheckInsResource {

    public record Recorded(String id, String sessionId, String at) { }

    @Inject
    Invitees invitees;

    @Inject
    CheckIns checkIns;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "checkIn", summary = "An invitee checks in for a session: where they are, a call-back number")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CheckInRequest")))
    @APIResponse(responseCode = "201", description = "the check-in, once committed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CareRecorded")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response checkIn(@PathParam("token") String token, String text) {
        var member = invitees.member(token);
        CheckInForm form = CareRequests.checkIn(JsonBody.parse(text));
        invitees.openSession(member, form.sessionId());
        var c = checkIns.record(member.id(), form);
        return Response.status(201).entity(new Recorded(c.id(), c.sessionId(), c.checkedInAt().toString())).build();
    }
}
