package org.circle.care.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.care.control.CheckOuts;
import org.circle.care.entity.Averages;
import org.circle.care.entity.Ratings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Every check-out of a session and their averages, for the group's facilitators only. */
@Path("sessions/{sid}/check-outs")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class SessionCheckOutsResource {

    public record AnswerView(String id, String memberId, String memberName, Ratings ratings, String comment, String goal, String at) { }

    public record SessionCheckOuts(String sessionId, List<AnswerView> answers, Averages averages) { }

    @Inject
    Facilitated facilitated;

    @Inject
    CheckOuts checkOuts;

    @GET
    @Operation(operationId = "listCheckOuts", summary = "A session's check-outs and their averages")
    @APIResponse(responseCode = "200", description = "the check-outs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionCheckOuts")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SessionCheckOuts list(@PathParam("sid") String sid) {
        var session = facilitated.session(sid);
        var names = facilitated.memberNames(session.groupId());
        var answers = checkOuts.ofSession(sid);
        return new SessionCheckOuts(sid,
                answers.stream().map(a -> new AnswerView(a.id(), a.memberId(), names.get(a.memberId()), a.ratings(), a.comment(),
                        a.goal(), a.at().toString())).toList(),
                Averages.of(answers.stream().map(CheckOuts.Answer::ratings).toList()));
    }
}
