package org.circle.group.entity;

import java.time.Instant;
import java.util.List;

/** What the REST answers say about groups, members and sessions: records that only carry data. */
public final class Views {

    private Views() { }

    /** checkIn, crisisText and facilitatorGraceSeconds are the group's care settings (care/, v1.1 section 2). */
    public record GroupView(String id, String name, String description, List<FacilitatorRef> facilitators,
                            String checkIn, String crisisText, int facilitatorGraceSeconds) { }

    public record FacilitatorRef(String id, String displayName, String email) { }

    public record Invitation(String token, String url) { }

    public record InvitedMember(String id, String displayName, Invitation invitation) { }

    public record MemberView(String id, String displayName, String consent, boolean revoked, String createdAt) { }

    /** A session; {@code opensAt} is when its waiting room opens, {@code joinable} whether a member may come in now. */
    public record SessionView(String id, String groupId, String title, String startsAt, int minutes, String media,
                              int turnSeconds, String state, boolean locked, String opensAt, String endsAt, boolean joinable) {
        public static SessionView of(ScheduledSession s, Instant now) {
            return new SessionView(s.id(), s.groupId(), s.title(), s.startsAt().toString(), s.minutes(), s.media().wire(),
                    s.turnSeconds(), s.state().wire(), s.locked(), s.opensAt().toString(), s.endsAt().toString(), s.joinable(now));
        }
    }
}
