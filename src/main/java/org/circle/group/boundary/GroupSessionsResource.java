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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.group.control.Groups;
import org.circle.group.control.Sessions;
import org.circle.group.entity.Views.SessionView;
import org.circle.platform.ApiError;
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

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response schedule(@PathParam("gid") String gid, String text) {
        groups.require(gid, caller.id());
        JsonBody body = JsonBody.parse(text);
        String title = body.name("title", 120);
        Instant startsAt = instant(body.text("startsAt", 40), "startsAt");
        Integer minutes = body.optionalInt("minutes", 1, 600);
        if (minutes == null) throw ApiError.badRequest("minutes", "minutes is required.");
        String wire = body.optionalText("media", 8);
        MediaKind media = wire == null ? (servers.sfuAvailable() ? MediaKind.SFU : MediaKind.MESH) // the contract's default
                : MediaKind.fromWire(wire).orElseThrow(() -> ApiError.badRequest("media", "media must be mesh or sfu."));
        Integer turn = body.optionalInt("turnSeconds", 10, 3600);
        var session = sessions.schedule(gid, title, startsAt, minutes, media, turn == null ? DEFAULT_TURN_SECONDS : turn);
        return Response.status(201).entity(SessionView.of(session)).build();
    }

    @GET
    public List<SessionView> list(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return sessions.of(gid).stream().map(SessionView::of).toList();
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field, field + " must be an ISO-8601 time such as 2026-11-22T18:00:00Z.");
        }
    }
}
