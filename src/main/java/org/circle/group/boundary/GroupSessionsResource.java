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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("groups/{gid}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
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
    @Operation(operationId = "scheduleSession", summary = "Schedule a session of the group")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionPlan")))
    @APIResponse(responseCode = "201", description = "the session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
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
    @Operation(operationId = "listSessions", summary = "The group's sessions")
    @APIResponse(responseCode = "200", description = "the sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Sessions")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<SessionView> list(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return sessions.of(gid).stream().map(v -> SessionView.of(v, clock.now())).toList();
    }
}
