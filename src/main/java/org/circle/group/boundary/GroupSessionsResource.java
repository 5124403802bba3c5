package org.circle.group.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.group.control.Groups;
import org.circle.group.control.Sessions;
import org.circle.group.entity.Views.SessionView;
import org.circle.platform.Clock;
import org.circle.platform.JsonBody;
import org.circle.session.MediaKind;

@Path("groups/{gid}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class GroupSessionsResource {

    static final int DEFAULT_TURN_SECONDS = 120;

    @Inject
    Groups groups;

    @Inject
    Sessions sessions;

    @Inject
    Caller caller;

    @Inject
    org.circle.media.MediaServers servers;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response schedule(@PathParam("gid") String gid, String text) {
        groups.require(gid, caller.id());
        SessionPlan plan = SessionPlan.read(JsonBody.parse(text), true);
        MediaKind media = plan.media() != null ? plan.media()
                : servers.sfuAvailable() ? MediaKind.SFU : MediaKind.MESH; // the contract's default
        var session = sessions.schedule(gid, plan.title(), plan.startsAt(), plan.minutes(), media,
                plan.turnSeconds() == null ? DEFAULT_TURN_SECONDS : plan.turnSeconds());
        return Response.status(201).entity(SessionView.of(session, clock.now())).build();
    }

    @GET
    public List<SessionView> list(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return sessions.of(gid).stream().map(v -> SessionView.of(v, clock.now())).toList();
    }
}
