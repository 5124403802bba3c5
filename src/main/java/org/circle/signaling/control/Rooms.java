package org.circle.signaling.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.group.control.Sessions;
import org.circle.media.IceServers;
import org.circle.media.MediaServers;
import org.circle.platform.Clock;
import org.circle.platform.ScanFreeContext;
import org.circle.platform.Secrets;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.SessionInfo;
import org.circle.session.SessionState;

/**
 * The live sessions of this server: finds a session's room, or opens it on first use, carrying
 * on from what the store saved when the server stopped without ending it. Nothing else.
 */
@ApplicationScoped
public class Rooms {

    private static final Logger LOG = Logger.getLogger(Rooms.class.getName());
    /** How often the store hears that this server's sessions are still running (see {@link RoomStore#alive}). */
    static final long HEARTBEAT_MILLIS = 15_000;

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    @Inject
    Sessions sessions;

    @Inject
    RoomStore store;

    @Inject
    Clock clock;

    @Inject
    MediaServers media;

    @Inject
    IceServers iceServers;

    @Inject
    RoomCares cares;

    @Inject
    Sharing sharing;

    @Resource
    ManagedScheduledExecutorService managedTimers;

    @Resource
    ManagedExecutorService managedWriters;

    /** Where the rooms' timers and durable writes run; set from the container's executors, or by a test. */
    Room.Timers timers;
    Executor writers;

    @PostConstruct
    void useContainerExecutors() {
        timers = (task, delay) -> ScanFreeContext.schedule(managedTimers, task, delay, TimeUnit.MILLISECONDS);
        writers = ScanFreeContext.handOff(managedWriters);
        timers.schedule(this::heartbeat, HEARTBEAT_MILLIS);
    }

    /** Reopens every room the store holds unfinished, at start: their people are away, with the grace period to come back. */
    public void recoverAll() {
        for (String sessionId : store.unfinished()) {
            try {
                open(sessionId).ifPresent(Room::recover);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not reopen session " + sessionId + " after a restart", e);
            }
        }
    }

    /** The live room of a scheduled session that has not ended, opened on first use. */
    public Optional<Room> open(String sessionId) {
        Room existing = rooms.get(sessionId);
        if (existing != null) return Optional.of(existing);
        var scheduled = sessions.find(sessionId).filter(s -> !s.ended());
        if (scheduled.isEmpty()) return Optional.empty();
        SharedRoom shared = sharing.read(sessionId);
        if (shared != null) return openShared(shared, scheduled.get());
        Optional<RoomStore.Saved> saved = store.load(sessionId);
        if (saved.filter(r -> r.room().session().state() == SessionState.ENDED).isPresent()) return Optional.empty();
        var s = scheduled.get();
        MediaKind kind = s.media();
        return Optional.of(rooms.computeIfAbsent(sessionId, id -> saved.map(r -> new Room(r, surroundings(kind, cares.of(id, s.groupId()))))
                .orElseGet(() -> new Room(new LiveSession(new SessionInfo(id, s.title(), kind, s.turnSeconds(), clock.now())),
                        surroundings(kind, cares.of(id, s.groupId()))))));
    }

    /** A session another instance of the cluster runs: this instance's room of it carries on from the grid's entry. */
    private Optional<Room> openShared(SharedRoom entry, org.circle.group.entity.ScheduledSession s) {
        if (entry.room().session().state() == SessionState.ENDED) return Optional.empty();
        String id = s.id();
        return Optional.of(rooms.computeIfAbsent(id, k -> new Room(entry, surroundings(s.media(), cares.of(id, s.groupId())))));
    }

    /** The room of a session that is live on this server now. */
    public Optional<Room> existing(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : rooms.get(sessionId));
    }

    /**
     * The room of a session that is live here or, in a cluster, on another instance only: this
     * one then opens its room of it, so that what arrives here (a knock at the lock from the
     * ticket desk, a check-in) reaches the session wherever its people are. Never opens a session
     * that nobody runs.
     */
    public Optional<Room> live(String sessionId) {
        Optional<Room> here = existing(sessionId);
        if (here.isPresent() || sessionId == null || !sharing.on()) return here;
        return sharing.holds(sessionId) ? open(sessionId) : Optional.empty();
    }

    /** The room that issued a resume token, while the token is unused and the room lives. */
    public Optional<Room> resuming(String token) {
        if (!ResumeTokens.wellFormed(token)) return Optional.empty();
        String hash = Secrets.hash(token);
        return all().stream().filter(r -> r.issued(hash)).findFirst();
    }

    /** Every live room, for what concerns whichever session a member is in (revocation, consent). */
    public Collection<Room> all() {
        // In a cluster, a session may be live on other instances only: this one opens its room to reach it.
        for (String sessionId : sharing.sessionIds()) open(sessionId);
        return rooms.values();
    }

    private Room.Surroundings surroundings(MediaKind kind, RoomCare care) {
        return new Room.Surroundings(clock, store, writers, timers, media.port(kind), iceServers::forParticipant,
                room -> rooms.remove(room.id(), room), care, sharing);
    }

    private void heartbeat() {
        try {
            store.alive(rooms.keySet(), clock.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not note that this server's sessions are running", e);
        } finally {
            timers.schedule(this::heartbeat, HEARTBEAT_MILLIS);
        }
    }
}
