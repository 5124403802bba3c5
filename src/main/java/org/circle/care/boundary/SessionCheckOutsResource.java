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

/** Every check-out of a session and their averages, for the group's facilitators only. */
@Path("sessions/{sid}/check-outs")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class SessionCheckOutsResource {

    public record AnswerView(String id, String memberId, String memberName, Ratings ratings, String comment, String goal, String at) { }

    public record SessionCheckOuts(String sessionId, List<AnswerView> answers, Averages averages) { }

    @Inject
    Facilitated facilitated;

    @Inject
    CheckOuts checkOuts;

    @GET
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
