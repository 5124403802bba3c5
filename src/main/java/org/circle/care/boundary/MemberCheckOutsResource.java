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
    public Response checkOut(@PathParam("token") String token, String text) {
        var member = invitees.member(token);
        CheckOutForm form = CareRequests.checkOut(JsonBody.parse(text));
        var c = checkOuts.record(invitees.session(member, form.sessionId()), member.id(), form);
        return Response.status(201).entity(new Recorded(c.id(), c.sessionId(), c.checkedOutAt().toString())).build();
    }
}
