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
import org.circle.attendance.control.AttendanceLog;
import org.circle.group.control.Sessions;
import org.circle.media.IceServers;
import org.circle.media.MediaServers;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;
import org.circle.session.AttendanceRow;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.SessionInfo;
import org.circle.session.SessionState;

/** The live sessions of this server: finds a session's room, or opens it on first use. Nothing else. */
@ApplicationScoped
public class Rooms {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    @Inject
    Sessions sessions;

    @Inject
    AttendanceLog attendance;

    @Inject
    Clock clock;

    @Inject
    MediaServers media;

    @Inject
    IceServers iceServers;

    @Resource
    ManagedScheduledExecutorService managedTimers;

    @Resource
    ManagedExecutorService managedWriters;

    /** Where the rooms' timers and durable writes run; set from the container's executors, or by a test. */
    Room.Timers timers;
    Executor writers;

    @PostConstruct
    void useContainerExecutors() {
        timers = (task, delay) -> managedTimers.schedule(task, delay, TimeUnit.MILLISECONDS);
        writers = managedWriters;
    }

    /** The live room of a scheduled session that has not ended, opened on first use. */
    public Optional<Room> open(String sessionId) {
        Room existing = rooms.get(sessionId);
        if (existing != null) return Optional.of(existing);
        return sessions.find(sessionId).filter(s -> !s.ended()).map(s -> rooms.computeIfAbsent(sessionId, id -> {
            MediaKind kind = s.media();
            return new Room(new LiveSession(new SessionInfo(id, s.title(), kind, s.turnSeconds(), clock.now())), surroundings(kind));
        }));
    }

    /** The room of a session that is live on this server now. */
    public Optional<Room> existing(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : rooms.get(sessionId));
    }

    /** The room that issued a resume token, while the token is unused and the room lives. */
    public Optional<Room> resuming(String token) {
        if (!ResumeTokens.wellFormed(token)) return Optional.empty();
        String hash = Secrets.hash(token);
        return rooms.values().stream().filter(r -> r.issued(hash)).findFirst();
    }

    /** Every live room, for what concerns whichever session a member is in (revocation, consent). */
    public Collection<Room> all() { return rooms.values(); }

    private Room.Surroundings surroundings(MediaKind kind) {
        Room.Records records = new Room.Records() {
            @Override public void attendance(String sessionId, AttendanceRow row) { attendance.record(sessionId, row); }
            @Override public void state(String sessionId, SessionState state, boolean locked) { sessions.markState(sessionId, state, locked); }
        };
        return new Room.Surroundings(clock, records, writers, timers, media.port(kind), iceServers::forParticipant,
                room -> rooms.remove(room.id(), room));
    }
}
