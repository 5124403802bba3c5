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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

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
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getSession", summary = "One session of a group the caller facilitates")
    @APIResponse(responseCode = "200", description = "the session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SessionView one(@PathParam("sid") String sid) {
        return SessionView.of(facilitatedSession(sid, caller.id()), clock.now());
    }

    /** A change of plan: any of title, startsAt, minutes, media, turnSeconds. */
    @PATCH
    @Path("{sid}")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replanSession", summary = "Change a session's plan while nobody is in it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionChange")))
    @APIResponse(responseCode = "200", description = "the session as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SessionView replan(@PathParam("sid") String sid, String text) {
        facilitatedSession(sid, caller.id());
        SessionPlan plan = SessionPlan.read(JsonBody.parse(text), false);
        return SessionView.of(sessions.replan(sid, plan.title(), plan.startsAt(), plan.minutes(), plan.media(), plan.turnSeconds()), clock.now());
    }

    @POST
    @Path("{sid}/cancel")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "cancelSession", summary = "Cancel a session: it stays listed and takes no tickets")
    @APIResponse(responseCode = "200", description = "the cancelled session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SessionView cancel(@PathParam("sid") String sid) {
        facilitatedSession(sid, caller.id());
        return SessionView.of(sessions.cancel(sid), clock.now());
    }

    @DELETE
    @Path("{sid}")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteSession", summary = "Delete a session that never ran, with its unused tickets")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("sid") String sid) {
        facilitatedSession(sid, caller.id());
        sessions.delete(sid);
        return Response.noContent().build();
    }

    /** A ticket for a facilitator of the group (Bearer) or a member of it (their invitation). */
    @POST
    @Path("{sid}/tickets")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "issueTicket", summary = "A single-use ticket to the session's WebSocket, for a facilitator (Bearer) or an invitee (invitation)")
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet({})
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TicketRequest")))
    @APIResponse(responseCode = "201", description = "the ticket, valid 60 seconds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ticket")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
