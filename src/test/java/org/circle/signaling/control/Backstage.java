package org.circle.signaling.control;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.circle.media.MediaPort;
import org.circle.media.NoMediaServer;
import org.circle.platform.Clock;
import org.circle.session.AttendanceRow;

/**
 * What surrounds a room in a test: a clock that stands still, a store that notes each commit
 * (and refuses them while the test says so), media work that waits until the test lets it run,
 * timers that only note themselves, and whichever media port the test chooses.
 */
final class Backstage implements RoomStore, Room.Timers, Executor {

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
    /** Every commit the store accepted, in order. */
    final List<RoomStore.Commit> commits = new ArrayList<>();
    /** While set, every commit fails, as a database refusing writes would. */
    boolean refuse;
    /** While set, every commit waits for it, as a slow database would; {@link #committing} counts down as one starts. */
    volatile java.util.concurrent.CountDownLatch holdCommits;
    final java.util.concurrent.CountDownLatch committing = new java.util.concurrent.CountDownLatch(1);
    private final Queue<Runnable> pending = new ArrayDeque<>();
    MediaPort media = NoMediaServer.MESH;

    Room.Surroundings surroundings() {
        return new Room.Surroundings(clock, this, this, this, media, p -> JsonValue.EMPTY_JSON_ARRAY, ended::add);
    }

    @Override public void commit(String sessionId, RoomStore.Commit commit) {
        if (refuse) throw new IllegalStateException("the store refuses writes");
        var hold = holdCommits;
        if (hold != null) {
            committing.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        commits.add(commit);
        for (AttendanceRow row : commit.attendance()) recorded.add("attendance " + row.participant() + " " + row.outcome());
        if (commit.state() != null) recorded.add("state " + commit.state().state().wire() + (commit.state().locked() ? " locked" : ""));
    }

    /** What the store holds now: what a restarted server would carry on from. */
    RoomStore.StoredRoom lastStored() { return commits.get(commits.size() - 1).room(); }

    @Override public Optional<RoomStore.Saved> load(String sessionId) {
        return commits.isEmpty() ? Optional.empty() : Optional.of(new RoomStore.Saved(lastStored(), T0));
    }

    @Override public List<String> unfinished() { return List.of(); }

    @Override public void alive(Collection<String> sessionIds, Instant at) { }

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
