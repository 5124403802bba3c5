package org.circle.signaling.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.circle.session.CloseCode;
import org.circle.session.Effect;

/**
 * One room's part in a cluster: what it last saw of its session's grid entry (the version, who
 * is on which instance, the deadlines, the recent shipments) and what the command under way has
 * shipped, written back to the grid as the command ends. With {@link Sharing#ALONE} every call is
 * a no-op and nothing is collected, so a single instance pays nothing for it.
 */
final class RoomShare {

    private final Sharing sharing;
    /** Asked once: whether the instance runs in a cluster does not change while it runs. */
    private final boolean on;
    private final String sessionId;
    private long version;
    /** Who is on which instance; read without the room's lock by relayed signals (see {@link #relay}), so replaced whole. */
    private volatile Map<String, String> where = new ConcurrentHashMap<>();
    private final List<SharedRoom.Deadline> deadlines = new ArrayList<>();
    private List<SharedRoom.Shipment> recent = List.of();
    /** The command under way: its frames and closes, and whether the entry must be written. */
    private final List<SharedRoom.Frame> frames = new ArrayList<>();
    private final List<SharedRoom.Close> closes = new ArrayList<>();
    private boolean ended;
    private boolean changed;
    private boolean locked;

    RoomShare(Sharing sharing, String sessionId) {
        this.sharing = sharing;
        this.on = sharing.on();
        this.sessionId = sessionId;
    }

    boolean on() { return on; }

    String here() { return sharing.here(); }

    long version() { return version; }

    /**
     * Takes the session's cluster-wide lock; returns the grid's entry when it is newer than what
     * this room knows (null alone, when the grid holds none, or when this room is up to date: the
     * usual case, which costs no opening of the entry).
     */
    SharedRoom enter() {
        if (!on) return null;
        SharedRoom entry = sharing.lock(sessionId, version);
        locked = true;
        return entry;
    }

    /** Writes the entry if the command changed anything, then lets the lock go; {@code now}: the room as it now is. */
    void exit(Supplier<RoomStore.StoredRoom> now, Instant clock) {
        if (!locked) return;
        try {
            if (changed) {
                long next = version + 1;
                List<SharedRoom.Shipment> kept = SharedRoom.keep(recent, new SharedRoom.Shipment(next, frames, closes, ended));
                List<SharedRoom.Deadline> ahead = SharedRoom.pending(deadlines, clock);
                sharing.put(sessionId, new SharedRoom(next, now.get(), where, ahead, kept));
                version = next;
                recent = kept;
                deadlines.clear();
                deadlines.addAll(ahead);
            }
        } finally {
            frames.clear();
            closes.clear();
            ended = false;
            changed = false;
            locked = false;
            sharing.unlock(sessionId);
        }
    }

    /** The shipments of {@code entry} this room has not delivered yet, oldest first. */
    List<SharedRoom.Shipment> missed(SharedRoom entry) {
        return entry.recent().stream().filter(s -> s.version() > version).toList();
    }

    /** Whether the entry says more than this room knows. */
    boolean behind(SharedRoom entry) { return entry != null && entry.version() > version; }

    /** This room now is what the entry says. */
    void adopted(SharedRoom entry) {
        version = entry.version();
        where = new ConcurrentHashMap<>(entry.where());
        deadlines.clear();
        deadlines.addAll(entry.deadlines());
        recent = entry.recent();
    }

    /** Hands a frame to the instance holding the person's socket, if any does. */
    void relay(String participant, String frame) {
        String at = where.get(participant);
        if (at != null) sharing.relay(at, sessionId, participant, frame);
    }

    /** Whether a socket of this instance's is the person's connection as far as the cluster knows. */
    boolean placedElsewhere(String participant) {
        String at = where.get(participant);
        return at != null && !at.equals(here());
    }

    /** The people whose sockets are on other instances. */
    List<String> elsewhere() {
        String here = here();
        return where.entrySet().stream().filter(e -> !e.getValue().equals(here)).map(Map.Entry::getKey).toList();
    }

    /** The people whose sockets were on {@code instance}. */
    List<String> placedAt(String instance) {
        return where.entrySet().stream().filter(e -> e.getValue().equals(instance)).map(Map.Entry::getKey).toList();
    }

    List<SharedRoom.Deadline> deadlines() { return List.copyOf(deadlines); }

    void joined(String participant) {
        if (!on()) return;
        where.put(participant, here());
        changed = true;
    }

    void left(String participant) {
        if (!on()) return;
        where.remove(participant);
        changed = true;
    }

    /** An accepted command: written even when it sent nothing, so every instance sees the same version. */
    void accepted() { if (on()) changed = true; }

    void frame(String text, List<String> recipients) { if (on()) frames.add(new SharedRoom.Frame(text, recipients)); }

    void closed(String participant, CloseCode code, String reason) {
        if (!on()) return;
        closes.add(new SharedRoom.Close(participant, code, reason));
        where.remove(participant);
    }

    void deadline(Effect.ScheduleTimer timer) { if (on()) deadlines.add(new SharedRoom.Deadline(timer.at(), timer.command())); }

    void ended() { if (on()) ended = true; }
}
