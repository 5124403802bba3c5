package org.circle.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.circle.group.control.Members;
import org.circle.group.control.Sessions;
import org.circle.group.entity.Member;
import org.circle.group.entity.ScheduledSession;
import org.circle.platform.ApiError;

/** Who an invitation token belongs to, and which of their group's sessions they may name. */
@ApplicationScoped
public class Invitees {

    @Inject
    Members members;

    @Inject
    Sessions sessions;

    public Member member(String token) {
        return members.byInvitation(token).orElseThrow(ApiError::notFound);
    }

    /** A session of the member's group; another group's session does not exist for them. */
    public ScheduledSession session(Member member, String sessionId) {
        return sessions.find(sessionId).filter(s -> s.groupId().equals(member.groupId())).orElseThrow(ApiError::notFound);
    }

    /** Like {@link #session}, and not yet ended: 409 SESSION_ENDED otherwise. */
    public ScheduledSession openSession(Member member, String sessionId) {
        ScheduledSession session = session(member, sessionId);
        if (session.ended()) throw ApiError.conflict("SESSION_ENDED", "This session has ended.");
        return session;
    }
}
