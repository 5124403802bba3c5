package org.circle.session;

import java.time.Instant;

/** What the edges must do besides sending frames: close sockets, set timers, gate media, record. */
public sealed interface Effect {

    /** Left, removed, ended, denied or revoked: the close code tells the browser not to come back. */
    record CloseConnection(String participant, CloseCode closeCode, String reason) implements Effect { }

    /** Apply {@code command} at {@code at}; stale timers are ignored by the core. */
    record ScheduleTimer(Instant at, Command command) implements Effect { }

    /** The media port's gate for one person: publish only when admitted; audio only when not muted. */
    record MediaAccess(String participant, boolean mayPublish, boolean audioForwarded) implements Effect { }

    /** The media port's gate for one person's screen share (v1.1): forwarded only while the core lets them share. */
    record ScreenAccess(String participant, boolean mayShare) implements Effect { }

    /**
     * Start a watch of {@code kind} from {@code since}; when the edge's length for that kind has run,
     * apply {@link Command.WatchOver} with the same values. The core ignores one that no longer applies.
     */
    record Watch(WatchKind kind, String participant, Instant since) implements Effect { }

    record AttendanceChanged(AttendanceRow row) implements Effect { }

    /** The session's own state as the schedule shows it: open, live, ended; and the lock. */
    record StateChanged(SessionState state, boolean locked) implements Effect { }
}
