package org.circle.group.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.circle.group.entity.ScheduledSession;
import org.circle.session.SessionState;

/**
 * Which sessions a member is offered, in the order the join page uses, so that the first entry is
 * always the one to go to: what they can join now, then the sessions still to come (earliest
 * first), then cancelled ones still to come (so the member can be told). Ended sessions and
 * skipped ones (their window passed without anyone starting them) are left out: a skipped
 * session must not catch everyone who opens their link next week.
 */
public final class SessionOffer {

    private SessionOffer() { }

    public static List<ScheduledSession> forMember(List<ScheduledSession> sessions, Instant now) {
        return sessions.stream()
                .filter(s -> s.joinable(now) || ahead(s, now))
                .sorted(Comparator.comparingInt((ScheduledSession s) -> rank(s, now)).thenComparing(ScheduledSession::startsAt))
                .toList();
    }

    private static boolean ahead(ScheduledSession s, Instant now) {
        return (s.state() == SessionState.SCHEDULED || s.cancelled()) && now.isBefore(s.opensAt());
    }

    private static int rank(ScheduledSession s, Instant now) {
        if (s.joinable(now)) return 0;
        return s.cancelled() ? 2 : 1;
    }
}
