package org.circle.group.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.circle.account.boundary.BearerAuthentication;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Accounts;
import org.circle.account.control.Caller;
import org.circle.group.control.Groups;
import org.circle.group.control.Members;
import org.circle.group.control.Sessions;
import org.circle.group.control.Tickets;
import org.circle.group.entity.ScheduledSession;
import org.circle.group.entity.Views.SessionView;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.JsonBody;

@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Groups groups;

    @Inject
    Sessions sessions;

    @Inject
    Members members;

    @Inject
    Tickets tickets;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Path("{sid}")
    @SignedIn
    public SessionView one(@PathParam("sid") String sid) {
        return SessionView.of(facilitatedSession(sid, caller.id()), clock.now());
    }

    /** A change of plan: any of title, startsAt, minutes, media, turnSeconds. */
    @PATCH
    @Path("{sid}")
    @SignedIn
    @Consumes(MediaType.WILDCARD)
    public SessionView replan(@PathParam("sid") String sid, String text) {
        facilitatedSession(sid, caller.id());
        SessionPlan plan = SessionPlan.read(JsonBody.parse(text), false);
        return SessionView.of(sessions.replan(sid, plan.title(), plan.startsAt(), plan.minutes(), plan.media(), plan.turnSeconds()), clock.now());
    }

    @POST
    @Path("{sid}/cancel")
    @SignedIn
    public SessionView cancel(@PathParam("sid") String sid) {
        facilitatedSession(sid, caller.id());
        return SessionView.of(sessions.cancel(sid), clock.now());
    }

    @DELETE
    @Path("{sid}")
    @SignedIn
    public Response delete(@PathParam("sid") String sid) {
        facilitatedSession(sid, caller.id());
        sessions.delete(sid);
        return Response.noContent().build();
    }

    /** A ticket for a facilitator of the group (Bearer) or a member of it (their invitation). */
    @POST
    @Path("{sid}/tickets")
    @Consumes(MediaType.WILDCARD)
    public Response ticket(@PathParam("sid") String sid, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String text) {
        String bearer = BearerAuthentication.bearer(authorization);
        Tickets.Issued issued;
        if (bearer != null) {
            var facilitator = accounts.authenticate(bearer).orElseThrow(ApiError::unauthenticated);
            issued = tickets.issue(facilitatedSession(sid, facilitator.id()), null, facilitator.id());
        } else {
            if (text == null || text.isBlank()) throw ApiError.unauthenticated();
            String invitation = JsonBody.parse(text).text("invitation", 100);
            var member = members.byInvitation(invitation).orElseThrow(ApiError::notFound);
            ScheduledSession session = sessions.find(sid).filter(s -> s.groupId().equals(member.groupId()))
                    .orElseThrow(ApiError::notFound);
            issued = tickets.issue(session, member.id(), null);
        }
        return Response.status(201).entity(Map.of("ticket", issued.ticket(), "expiresAt", issued.expiresAt().toString())).build();
    }

    ScheduledSession facilitatedSession(String sid, String facilitatorId) {
        ScheduledSession session = sessions.find(sid).orElseThrow(ApiError::notFound);
        groups.require(session.groupId(), facilitatorId);
        return session;
    }
}
