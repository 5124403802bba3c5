package org.circle.care.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.care.control.CheckIns;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A session's check-ins with their details, for the group's facilitators only. */
@Path("sessions/{sid}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class SessionCheckInsResource {

    public record CheckInView(String id, String sessionId, String memberId, String memberName, String location, String phone,
                              String emergencyContact, boolean privateSpace, String goalReview, String at, boolean readable) { }

    @Inject
    Facilitated facilitated;

    @Inject
    CheckIns checkIns;

    @GET
    @Operation(operationId = "listCheckIns", summary = "A session's check-ins with their details")
    @APIResponse(responseCode = "200", description = "the check-ins",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CheckIns")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<CheckInView> list(@PathParam("sid") String sid) {
        var session = facilitated.session(sid);
        var names = facilitated.memberNames(session.groupId());
        return checkIns.ofSession(sid).stream().map(d -> new CheckInView(d.id(), d.sessionId(), d.memberId(), names.get(d.memberId()),
                d.location(), d.phone(), d.emergencyContact(), d.privateSpace(), d.goalReview(), d.at().toString(), d.readable())).toList();
    }
}
