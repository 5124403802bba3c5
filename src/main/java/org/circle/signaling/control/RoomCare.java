package org.circle.signaling.control;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.circle.session.WatchKind;

/**
 * What a room asks of its group and of the server's configuration: how long each of the core's
 * watches runs (the group's {@code facilitatorGraceSeconds}, {@code CIRCLE_DROP_FOLLOW_UP_SECONDS})
 * and a member's check-in, which facilitators see with {@code participant.dropped}.
 */
public interface RoomCare {

    /** The protocol's defaults, for a room with no group to ask (tests). */
    RoomCare DEFAULTS = new RoomCare() {
        @Override public Duration length(WatchKind kind) {
            return kind == WatchKind.FACILITATOR_GRACE ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
        }

        @Override public JsonObject checkIn(String memberId) { return null; }
    };

    /** How long a watch of this kind runs, read when it starts (a changed group setting applies to the next one). */
    Duration length(WatchKind kind);

    /** The member's check-in for this session as facilitators may read it, or null when there is none. */
    JsonObject checkIn(String memberId);
}
