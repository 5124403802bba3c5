package org.circle.signaling.control;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.circle.media.MediaPort;
import org.circle.media.NoMediaServer;
import org.circle.platform.Clock;
import org.circle.session.AttendanceRow;
import org.circle.session.SessionState;

/**
 * What surrounds a room in a test: a clock that stands still, durable writes that wait until the
 * test lets them run (so it can see what happens before and after), timers that only note
 * themselves, and whichever media port the test chooses.
 */
final class Backstage implements Room.Records, Room.Timers, Executor {

    static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

    record Timer(Runnable task, long delayMillis) { }

    /** The time; it stands still unless a test moves it. */
    Instant now = T0;
    final Clock clock = new Clock() {
        @Override public Instant now() { return now; }
    };
    final List<String> recorded = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();
    final List<Room> ended = new ArrayList<>();
    private final Queue<Runnable> pending = new ArrayDeque<>();
    MediaPort media = NoMediaServer.MESH;

    Room.Surroundings surroundings() {
        return new Room.Surroundings(clock, this, this, this, media, p -> JsonValue.EMPTY_JSON_ARRAY, ended::add);
    }

    @Override public void attendance(String sessionId, AttendanceRow row) {
        recorded.add("attendance " + row.participant() + " " + row.outcome());
    }

    @Override public void state(String sessionId, SessionState state, boolean locked) {
        recorded.add("state " + state.wire() + (locked ? " locked" : ""));
    }

    @Override public void schedule(Runnable task, long delayMillis) { timers.add(new Timer(task, delayMillis)); }

    @Override public synchronized void execute(Runnable task) { pending.add(task); }

    synchronized int waiting() { return pending.size(); }

    /** Lets every durable write queued so far (and any it queues) happen. */
    void writeAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending.poll();
            }
            if (next == null) return;
            next.run();
        }
    }
}
