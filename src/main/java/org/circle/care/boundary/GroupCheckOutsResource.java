package org.circle.care.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.circle.account.boundary.SignedIn;
import org.circle.care.control.CheckOuts;
import org.circle.care.entity.Averages;
import org.circle.care.entity.CheckOut;
import org.circle.care.entity.Ratings;
import org.circle.group.control.Sessions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The group's trend: each session's check-out averages, oldest session first. Facilitators only. */
@Path("groups/{gid}/check-outs")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class GroupCheckOutsResource {

    public record SessionAverages(String sessionId, String title, String startsAt, String state, Averages averages) { }

    @Inject
    Facilitated facilitated;

    @Inject
    Sessions sessions;

    @Inject
    CheckOuts checkOuts;

    /** Every ended session and every session with an answer, in the order they were held. */
    @GET
    @Operation(operationId = "getCheckOutTrend", summary = "The group's trend: each session's check-out averages, oldest first")
    @APIResponse(responseCode = "200", description = "the trend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupTrend")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<SessionAverages> trend(@PathParam("gid") String gid) {
        facilitated.group(gid);
        Map<String, List<Ratings>> bySession = checkOuts.ofGroup(gid).stream()
                .collect(Collectors.groupingBy(CheckOut::sessionId, Collectors.mapping(CheckOut::ratings, Collectors.toList())));
        return sessions.of(gid).stream()
                .filter(s -> s.ended() || bySession.containsKey(s.id()))
                .map(s -> new SessionAverages(s.id(), s.title(), s.startsAt().toString(), s.state().wire(),
                        Averages.of(bySession.getOrDefault(s.id(), List.of()))))
                .toList();
    }
}
