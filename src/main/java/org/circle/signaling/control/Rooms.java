package org.circle.signaling.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.attendance.control.AttendanceLog;
import org.circle.group.control.Sessions;
import org.circle.session.Command;
import org.circle.session.Delivery;
import org.circle.session.Effect;
import org.circle.session.LiveSession;
import org.circle.session.Media;
import org.circle.session.Outcome;
import org.circle.session.SessionInfo;
import org.circle.platform.Clock;

/**
 * The live sessions of this server. Applies each session's commands one at a time, queues the
 * resulting frames on the right sockets, and carries out the effects: closing sockets, timers
 * that come back as commands, and the durable record (attendance, session state) that must be
 * committed before the command is acknowledged.
 */
@ApplicationScoped
public class Rooms {

    private static final Logger LOG = Logger.getLogger(Rooms.class.getName());

    /** Told once a command's durable facts are committed (failure null) or could not be (failure set). */
    public interface Acknowledgement {
        void committed(Outcome outcome, Throwable failure);
    }

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    final ResumeTokens resumeTokens = new ResumeTokens();

    @Inject
    Sessions sessions;

    @Inject
    AttendanceLog attendance;

    @Inject
    Clock clock;

    @Inject
    org.circle.media.Media media;

    @Resource
    ManagedScheduledExecutorService timers;

    @Resource
    ManagedExecutorService writers;

    /** The live room of a scheduled session, opened on first use. */
    public Optional<Room> room(String sessionId) {
        Room existing = rooms.get(sessionId);
        if (existing != null) return Optional.of(existing);
        return sessions.find(sessionId).filter(s -> !s.ended()).map(s -> rooms.computeIfAbsent(sessionId, id -> new Room(id,
                new LiveSession(new SessionInfo(id, s.title(), "sfu".equals(s.media()) ? Media.SFU : Media.MESH, s.turnSeconds(), clock.now())))));
    }

    public Optional<Room> existing(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : rooms.get(sessionId));
    }

    public Outcome apply(Room room, Command command) {
        return apply(room, command, null, null, null);
    }

    /**
     * Applies a command under the room's lock. When it is accepted and {@code joining} is given,
     * that socket becomes the person's connection and {@code welcome} is queued on it before any
     * event, so a person's first frame is always their welcome.
     */
    public Outcome apply(Room room, Command command, Connection joining, BiFunction<LiveSession, String, String> welcome,
                         Acknowledgement acknowledgement) {
        Outcome outcome;
        synchronized (room) {
            outcome = room.session.apply(command, clock.now());
            if (!outcome.accepted()) return outcome;
            if (joining != null) {
                String participant = command instanceof Command.Resumed resumed ? resumed.participant()
                        : ((org.circle.session.Reply.Joined) outcome.reply().orElseThrow()).participant();
                joining.sessionId = room.id;
                joining.participantId = participant;
                Connection replaced = room.connections.put(participant, joining);
                if (replaced != null && replaced != joining) replaced.closeNow(4005, "replaced by a newer connection");
                joining.send(welcome.apply(room.session, participant));
            }
            for (Delivery d : outcome.deliveries()) {
                String frame = ServerFrames.event(d.event());
                for (String to : d.recipients()) {
                    Connection c = room.connections.get(to);
                    if (c != null) c.send(frame);
                }
            }
            List<Runnable> closes = carryOut(room, outcome);
            final Outcome done = outcome;
            // Acknowledge once the facts are durable, and only then close sockets, so that the
            // person who ended or left still hears their ack.
            room.writes.whenComplete((ok, failure) -> {
                if (acknowledgement != null) acknowledgement.committed(done, failure);
                closes.forEach(Runnable::run);
            });
        }
        return outcome;
    }

    /** Carries out the effects; returns the socket closes, which wait for the durable writes. */
    private List<Runnable> carryOut(Room room, Outcome outcome) {
        List<Runnable> closes = new ArrayList<>();
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.CloseConnection close) {
                Connection c = room.connections.remove(close.participant());
                if (c != null) closes.add(() -> c.closeAfterSending(close.closeCode(), close.reason()));
            } else if (effect instanceof Effect.ScheduleTimer timer) {
                long delay = Math.max(0, Duration.between(clock.now(), timer.at()).toMillis());
                timers.schedule(() -> fire(room, timer.command()), delay, TimeUnit.MILLISECONDS);
            } else if (effect instanceof Effect.AttendanceChanged changed) {
                room.writes = room.writes.thenRunAsync(() -> attendance.record(room.id, changed.row()), writers)
                        .exceptionally(e -> logged("attendance for session " + room.id, e));
            } else if (effect instanceof Effect.StateChanged state) {
                room.writes = room.writes.thenRunAsync(() -> sessions.markState(room.id, state.state(), state.locked()), writers)
                        .exceptionally(e -> logged("state of session " + room.id, e));
                if ("ended".equals(state.state())) {
                    rooms.remove(room.id);
                    resumeTokens.forgetSession(room.id);
                    if (room.session.view().media() == Media.SFU) media.sfu().ifPresent(port -> writers.execute(() -> port.close(room.id)));
                }
            } else if (effect instanceof Effect.MediaAccess access && room.session.view().media() == Media.SFU) {
                // Mesh media is gated by the core's relay rules; the SFU adapter enforces the gate itself,
                // off the room's lock because the media server is on the network.
                media.sfu().ifPresent(port -> room.mediaAccess = room.mediaAccess.thenRunAsync(() ->
                        port.access(room.id, access.participant(), access.mayPublish(), access.audioForwarded()), writers)
                        .exceptionally(e -> logged("media access in session " + room.id, e)));
            }
        }
        return closes;
    }

    private void fire(Room room, Command command) {
        try {
            apply(room, command);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "timer failed in session " + room.id, e);
        }
    }

    private static Void logged(String what, Throwable e) {
        LOG.log(Level.SEVERE, "could not record " + what, e);
        return null;
    }

    /** Applies a command that concerns whichever live session a member is in (revocation, consent). */
    public void applyEverywhere(Command command) {
        rooms.values().forEach(room -> apply(room, command));
    }
}
