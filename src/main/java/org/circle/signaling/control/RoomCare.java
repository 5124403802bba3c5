package org.circle.signaling.control;

import java.time.Duration;
import org.circle.session.WatchKind;

/**
 * What a room asks of its group: how long each of the core's watches runs (the group's
 * {@code facilitatorGraceSeconds}), read when the watch starts.
 */
public interface RoomCare {

    /** The protocol's default, for a room with no group to ask (tests). */
    RoomCare DEFAULTS = kind -> Duration.ofSeconds(120);

    /** How long a watch of this kind runs, read when it starts (a changed group setting applies to the next one). */
    Duration length(WatchKind kind);
}
