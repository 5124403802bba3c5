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

/** A session's check-ins with their details, for the group's facilitators only. */
@Path("sessions/{sid}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class SessionCheckInsResource {

    public record CheckInView(String id, String sessionId, String memberId, String memberName, String location, String phone,
                              String emergencyContact, boolean privateSpace, String goalReview, String at, boolean readable) { }

    @Inject
    Facilitated facilitated;

    @Inject
    CheckIns checkIns;

    @GET
    public List<CheckInView> list(@PathParam("sid") String sid) {
        var session = facilitated.session(sid);
        var names = facilitated.memberNames(session.groupId());
        return checkIns.ofSession(sid).stream().map(d -> new CheckInView(d.id(), d.sessionId(), d.memberId(), names.get(d.memberId()),
                d.location(), d.phone(), d.emergencyContact(), d.privateSpace(), d.goalReview(), d.at().toString(), d.readable())).toList();
    }
}
