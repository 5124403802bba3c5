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
    public Response checkIn(@PathParam("token") String token, String text) {
        var member = invitees.member(token);
        CheckInForm form = CareRequests.checkIn(JsonBody.parse(text));
        invitees.openSession(member, form.sessionId());
        var c = checkIns.record(member.id(), form);
        return Response.status(201).entity(new Recorded(c.id(), c.sessionId(), c.checkedInAt().toString())).build();
    }
}
