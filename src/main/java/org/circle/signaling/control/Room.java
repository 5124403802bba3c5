package org.circle.signaling.control;

import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.media.Feed;
import org.circle.media.IceCandidate;
import org.circle.media.MediaPort;
import org.circle.platform.Clock;
import org.circle.session.AttendanceRow;
import org.circle.session.CloseCode;
import org.circle.session.Command;
import org.circle.session.Delivery;
import org.circle.session.Effect;
import org.circle.session.ErrorCode;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.Outcome;
import org.circle.session.Refusal;
import org.circle.session.Reply;
import org.circle.session.Role;
import org.circle.session.SessionState;
import org.circle.session.SignalRules;
import org.circle.session.Status;

/**
 * The one door to a live session and the sockets of its people: {@link #join}, {@link #apply},
 * {@link #leave}, and {@link #media} for the SFU frames. Its lock is the session's single writer:
 * commands are applied and their frames queued under it, one at a time, so every person sees
 * events in the order the session decided them. What a command changed is committed to the
 * {@link RoomStore} before anyone hears of it: when the store cannot write it, the session goes
 * back to what the store holds, the sender hears {@code NOT_RECORDED}, and nobody else hears
 * anything, so what people were told and what survives a restart are the same.
 */
public final class Room {

    private static final Logger LOG = Logger.getLogger(Room.class.getName());

    /** Runs a task once, later. */
    public interface Timers {
        void schedule(Runnable task, long delayMillis);
    }

    /** What a room needs from the server around it; a test hands in its own. */
    public record Surroundings(Clock clock, RoomStore store, Executor writers, Timers timers, MediaPort media,
                               Function<String, JsonArray> iceServers, Consumer<Room> ended, RoomCare care, Sharing sharing) {
        public Surroundings(Clock clock, RoomStore store, Executor writers, Timers timers, MediaPort media,
                            Function<String, JsonArray> iceServers, Consumer<Room> ended, RoomCare care) {
            this(clock, store, writers, timers, media, iceServers, ended, care, Sharing.ALONE);
        }

        public Surroundings(Clock clock, RoomStore store, Executor writers, Timers timers, MediaPort media,
                            Function<String, JsonArray> iceServers, Consumer<Room> ended) {
            this(clock, store, writers, timers, media, iceServers, ended, RoomCare.DEFAULTS);
        }
    }

    private final String id;
    private final MediaKind kind;
    private final Surroundings around;
    private final Object lock = new Object();
    /** Replaced by the stored form when a write fails: the store's word is what happened. */
    private LiveSession session;
    private final RoomSockets sockets = new RoomSockets();
    private final ResumeTokens resumeTokens = new ResumeTokens();
    /** What the store holds for this room: the state as of the last command that was recorded. */
    private RoomStore.StoredRoom stored;
    /** Set for a room restored after a restart until the core has heard of the restart (and it is recorded). */
    private Instant restartedAfter;
    /** What the media port has heard of who may publish and be heard. */
    private final MediaGates gates;
    private final MediaFrames mediaFrames;
    /** This room's part in a cluster; idle on a single instance. */
    private final RoomShare share;
    /** The rules signals meet, as the session last gave them out (see {@link #relay}). */
    private volatile SignalRules signals;
    /** The newest grid entry another instance wrote that this room has yet to adopt (see {@link #sawEntry}). */
    private final java.util.concurrent.atomic.AtomicReference<Seen> seen = new java.util.concurrent.atomic.AtomicReference<>();

    /** A grid entry heard of: its version, and the entry itself, opened only if this room still needs it. */
    public record Seen(long version, java.util.function.Supplier<SharedRoom> entry) { }

    Room(LiveSession session, Surroundings around) {
        this.id = session.view().id();
        this.kind = session.view().media();
        this.session = session;
        this.around = around;
        this.stored = new RoomStore.StoredRoom(session.save(), resumeTokens.saved());
        this.mediaFrames = new MediaFrames(this, id, kind, around.media());
        this.gates = new MediaGates(id, around.media(), around.writers());
        this.share = new RoomShare(around.sharing(), id);
        this.signals = session.signalRules();
    }

    /** A room carried on from its stored form after the server stopped; {@code lastAlive}: when it was last known up. */
    Room(RoomStore.Saved saved, Surroundings around) {
        this(LiveSession.restore(saved.room().session()), around);
        resumeTokens.restore(saved.room().resumeTokens());
        this.stored = saved.room();
        this.restartedAfter = saved.lastAlive();
    }

    /** A room of a session another instance of the cluster already runs: it carries on from the grid's entry. */
    Room(SharedRoom entry, Surroundings around) {
        this(LiveSession.restore(entry.room().session()), around);
        adopt(entry);
    }

    /** Tells a restored session that its server restarted, once: everyone is away, with the grace period to come back. */
    void recover() {
        writing(this::catchUp);
    }

    /**
     * Runs one change of the session as its single writer: under the room's lock and, in a
     * cluster, the grid's lock on the session, after catching up with what other instances did.
     */
    private void writing(Runnable change) {
        synchronized (lock) {
            try {
                enter();
                change.run();
            } finally {
                signals = session.signalRules();
                exit();
            }
        }
    }

    private void catchUp() {
        if (restartedAfter == null) return;
        Command restarted = new Command.Restarted(restartedAfter);
        Outcome outcome = session.apply(restarted, around.clock().now());
        if (recorded(restarted, outcome).isPresent()) return; // tried again with the next command
        restartedAfter = null;
        carryOut(outcome, Answer.NOBODY);
    }

    public String id() { return id; }

    /**
     * Lets a socket in, or says why not. Once the core accepts, the socket becomes the person's
     * connection (closing an older one with 4005) and their welcome is queued before any event,
     * so a person's first frame is always their welcome.
     */
    public Optional<Refusal> join(Connection connection, Hello hello) {
        List<Optional<Refusal>> answer = new ArrayList<>(1);
        writing(() -> answer.add(letIn(connection, hello)));
        return answer.get(0);
    }

    private Optional<Refusal> letIn(Connection connection, Hello hello) {
        catchUp();
        String participant;
        Outcome outcome;
        if (hello instanceof Hello.Return back) {
            participant = resumeTokens.redeem(back.resumeToken()).orElse(null);
            if (participant == null) {
                return Optional.of(new Refusal(ErrorCode.TICKET_INVALID,
                        "That connection can no longer be resumed. Please join again from your link."));
            }
            outcome = session.apply(new Command.Resumed(participant), around.clock().now());
            if (!outcome.accepted()) return outcome.refusal().map(r -> new Refusal(ErrorCode.TICKET_INVALID, r.message()));
        } else {
            outcome = session.apply(((Hello.Arrival) hello).join(), around.clock().now());
            if (!outcome.accepted()) {
                knockIfLocked(((Hello.Arrival) hello).join(), outcome.refusal().orElseThrow());
                return outcome.refusal();
            }
            participant = ((Reply.Joined) outcome.reply().orElseThrow()).participant();
        }
        String resume = resumeTokens.issue(participant);
        Optional<Refusal> notRecorded = recorded(hello instanceof Hello.Arrival a ? a.join() : new Command.Resumed(participant), outcome);
        if (notRecorded.isPresent()) return notRecorded;
        connection.joined(id, participant);
        share.joined(participant);
        Connection replaced = sockets.put(participant, connection);
        if (replaced != null && replaced != connection) replaced.closeNow(CloseCode.REPLACED, "replaced by a newer connection");
        connection.send(ServerFrames.welcome(session.view(), session.participant(participant).orElseThrow(),
                resume, around.iceServers().apply(participant), around.media().available()));
        carryOut(outcome, Answer.NOBODY);
        return Optional.empty();
    }

    /** A member the lock turned away at the socket knocks: the facilitators hear of it (the ticket desk knocks for its own refusals). */
    private void knockIfLocked(Command.Join join, Refusal refusal) {
        if (refusal.code() != ErrorCode.LOCKED || join.memberId() == null) return;
        Command knock = new Command.Knock(join.memberId(), join.memberName());
        Outcome outcome = session.apply(knock, around.clock().now());
        if (outcome.accepted() && recorded(knock, outcome).isEmpty()) carryOut(outcome, Answer.NOBODY);
    }

    /** Whether a facilitator let this member in past the lock: the ticket desk lets them through for it. */
    public boolean letInPastLock(String memberId) {
        synchronized (lock) {
            return session.letInPastLock(memberId);
        }
    }

    /** Applies one command; {@code answer} hears the refusal at once, or the acceptance once it is durable. */
    public void apply(Command command, Answer answer) {
        if (command instanceof Command.Signal signal) {
            relay(signal, answer);
            return;
        }
        writing(() -> {
            catchUp();
            Outcome outcome = session.apply(command, around.clock().now());
            if (!outcome.accepted()) {
                answer.refused(outcome.refusal().orElseThrow());
                return;
            }
            Optional<Refusal> notRecorded = recorded(command, outcome);
            if (notRecorded.isPresent()) {
                answer.refused(notRecorded.get());
                return;
            }
            carryOut(outcome, answer);
        });
    }

    // --- Several instances (contract section 3): see RoomShare and SharedRoom ---

    /** Under the room's lock: takes the session's cluster-wide lock and catches up with the grid first. */
    private void enter() {
        adopt(share.enter());
    }

    private void exit() {
        share.exit(() -> new RoomStore.StoredRoom(session.save(), resumeTokens.saved()), around.clock().now());
    }

    /** The grid's entry changed (its listener): deliver what this instance has not, and carry on from it. */
    public void sawEntry(Seen entry) {
        // Off the grid's event thread, which must never wait for this room's lock (a command may
        // hold it while it waits for the grid); only the newest entry seen matters, as adopting it
        // delivers everything before it, so entries overtaken while waiting are never opened.
        Seen before = seen.getAndAccumulate(entry, (held, next) -> held == null || next.version() > held.version() ? next : held);
        if (before == null) around.writers().execute(this::adoptSeen);
    }

    private void adoptSeen() {
        Seen entry = seen.getAndSet(null);
        if (entry == null) return;
        synchronized (lock) {
            if (entry.version() <= share.version()) return; // a command here caught up with it already
            try {
                adopt(entry.entry().get());
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.SEVERE, "session " + id + " could not take a change from the data grid", e);
            }
            signals = session.signalRules();
        }
    }

    /** Delivers the shipments this room missed, in order, then becomes what the entry says. */
    private void adopt(SharedRoom entry) {
        if (!share.behind(entry)) return;
        List<SharedRoom.Shipment> missed = share.missed(entry);
        if (share.version() > 0 && (missed.isEmpty() || missed.get(0).version() != share.version() + 1)) {
            LOG.warning(() -> "session " + id + " fell behind the grid by more than its kept frames (at " + share.version()
                    + ", grid at " + entry.version() + ")");
        }
        share.adopted(entry);
        session = LiveSession.restore(entry.room().session());
        resumeTokens.restore(entry.room().resumeTokens());
        stored = entry.room();
        restartedAfter = null; // whoever wrote the entry carried the session on
        for (SharedRoom.Shipment shipment : missed) {
            sockets.deliver(shipment);
            if (shipment.ended()) ended();
        }
        // Another instance decided this state: the media server here hears its gate, and enforces
        // it for the publishers on this instance.
        gates.follow(session);
        // A socket here whose person the cluster now places on another instance was replaced there.
        sockets.closeReplaced(share::placedElsewhere);
    }

    /**
     * A signal: decided on the rules the session last gave out, without the session's lock (a
     * signal changes nothing, and must not wait while a facilitator's control is being recorded),
     * and sent to the recipient's socket here or, in a cluster, straight to the instance holding
     * it, never through the grid's entry. The rules are given out after a change's frames are
     * queued, so nobody hears a signal from someone before hearing that they were let in.
     */
    private void relay(Command.Signal signal, Answer answer) {
        Outcome outcome = signals.decide(signal);
        if (!outcome.accepted()) {
            answer.refused(outcome.refusal().orElseThrow());
            return;
        }
        for (Delivery d : outcome.deliveries()) {
            String frame = ServerFrames.event(d.event());
            for (String to : d.recipients()) if (!sockets.send(to, frame)) share.relay(to, frame);
        }
        answer.recorded(outcome, null);
    }

    /** A frame another instance relayed to a person whose socket is here. */
    public void relayed(String participant, String frame) {
        sockets.send(participant, frame); // without the room's lock, as every relayed signal
    }

    /**
     * An instance of the cluster died: its people's sockets went with it. They are away from now,
     * with the usual grace to come back on any instance; the deadlines it would have fired are
     * set here too (another survivor may set them as well: a stale timer is ignored).
     */
    public void instanceLost(String gone) {
        writing(() -> {
            for (String participant : share.placedAt(gone)) {
                share.left(participant);
                dropped(participant);
            }
            for (SharedRoom.Deadline d : share.deadlines()) schedule(new Effect.ScheduleTimer(d.at(), d.command()));
        });
    }

    /** The person's socket is gone: the core hears they dropped. */
    private void dropped(String participant) {
        catchUp();
        Command dropped = new Command.Disconnected(participant);
        Outcome outcome = session.apply(dropped, around.clock().now());
        if (recorded(dropped, outcome).isEmpty()) carryOut(outcome, Answer.NOBODY);
    }

    /** Who is connected now, for the server's figures; read under the lock, so the counts agree with each other. */
    public Census census() {
        synchronized (lock) {
            var people = sockets.people().stream().map(session::participant).flatMap(Optional::stream).toList();
            int facilitators = (int) people.stream().filter(p -> p.role() == Role.FACILITATOR).count();
            int waiting = (int) people.stream().filter(p -> p.status() == Status.WAITING).count();
            return new Census(session.view().state() == SessionState.LIVE, facilitators, people.size() - facilitators, waiting);
        }
    }

    /** The socket closed. If it was still the person's connection, the core hears they dropped. */
    public void leave(Connection connection) {
        synchronized (lock) {
            if (!sockets.remove(connection.participantId(), connection)) return;
            writing(() -> {
                // Elsewhere already: the person came back on another instance, which replaced this socket.
                if (share.placedElsewhere(connection.participantId())) return;
                share.left(connection.participantId());
                dropped(connection.participantId());
            });
        }
    }

    /** An SFU frame (media.publish, media.subscribe, media.accept, media.ice): see {@link MediaFrames}. */
    public void media(Connection from, ClientFrame f) {
        mediaFrames.handle(from, f);
    }

    /** A server-offered subscription: {@code media.offer} to the viewer. */
    public void mediaOffer(String viewer, Feed publisher, String sdp) {
        synchronized (lock) {
            sockets.send(viewer, ServerFrames.mediaOffer(publisher, sdp));
        }
    }

    /**
     * media.published / media.unpublished to one admitted person here, or to every other admitted
     * person when {@code to} is null: in a cluster, those on other instances too (their instance
     * tells a person who just came in of every stream, so one named person is only told here).
     */
    public void mediaPublished(String to, String participant, String source, boolean on) {
        String frame = ServerFrames.mediaPublished(participant, source, on);
        List<String> elsewhere = new ArrayList<>();
        synchronized (lock) {
            sockets.sendWhere(id -> (to == null ? !id.equals(participant) : id.equals(to)) && session.mediaRefusal(id, null).isEmpty(), frame);
            if (to == null) {
                for (String there : share.elsewhere()) {
                    if (!there.equals(participant) && session.mediaRefusal(there, null).isEmpty()) elsewhere.add(there);
                }
            }
        }
        elsewhere.forEach(there -> share.relay(there, frame)); // off the lock, as relayed signals: the grid's topic is on the network
    }

    /** The media server found a candidate for one person's endpoint. */
    public void mediaCandidate(String to, Feed endpointOf, IceCandidate candidate) {
        synchronized (lock) {
            sockets.send(to, ServerFrames.mediaIce(endpointOf, candidate));
        }
    }

    /** The media server lost the session: everyone admitted publishes and subscribes again. */
    public void mediaRestarted() {
        synchronized (lock) {
            sockets.sendWhere(participant -> session.mediaRefusal(participant, null).isEmpty(), ServerFrames.mediaRestart());
        }
    }

    /** Whether a resume token of this room is waiting to be used. */
    boolean issued(String tokenHash) { return resumeTokens.holds(tokenHash); }

    /** Who may send or receive media through the server, as the core decides it now (see {@link LiveSession#mediaRefusal}). */
    Optional<Refusal> mediaRefusal(String me, String peer) {
        synchronized (lock) {
            return session.mediaRefusal(me, peer);
        }
    }

    /** Returns once the media port has heard every gate change so far (a publish must not overtake its own admission). */
    void awaitMediaAccess() {
        CompletableFuture<Void> pending;
        synchronized (lock) {
            pending = gates.pending();
        }
        pending.join(); // never fails: the chain swallows the port's failures
    }

    /**
     * Commits what an accepted command changed, or says why it did not happen. A command that
     * changed nothing that lasts (a relayed signal, a message to the waiting room) writes nothing.
     */
    private Optional<Refusal> recorded(Command command, Outcome outcome) {
        if (command instanceof Command.Signal) return Optional.empty();
        RoomStore.StoredRoom now = new RoomStore.StoredRoom(session.save(), resumeTokens.saved());
        if (now.equals(stored)) {
            SessionLog.accepted(id, command);
            return Optional.empty();
        }
        List<String> removed = new ArrayList<>(now.session().barredMembers());
        removed.removeAll(stored.session().barredMembers());
        List<AttendanceRow> rows = new ArrayList<>();
        Effect.StateChanged state = null;
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.AttendanceChanged changed) rows.add(changed.row());
            else if (effect instanceof Effect.StateChanged changed) state = changed;
        }
        try {
            around.store().commit(id, new RoomStore.Commit(now, removed, rows, state));
            stored = now;
            SessionLog.accepted(id, command);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not record a " + command.getClass().getSimpleName() + " in session " + id
                    + ", so it did not happen", e);
            session = LiveSession.restore(stored.session());
            resumeTokens.restore(stored.resumeTokens());
            return Optional.of(new Refusal(ErrorCode.NOT_RECORDED, "That could not be recorded, so it did not happen. Please try again."));
        }
    }

    /**
     * Queues the outcome's frames on the right sockets and carries out its effects, once the
     * outcome is recorded. Sockets are closed after the answer, so the person who ended or left
     * still hears their ack.
     */
    private void carryOut(Outcome outcome, Answer answer) {
        for (Delivery d : outcome.deliveries()) {
            String frame = ServerFrames.event(d.event());
            share.frame(frame, d.recipients());
            sockets.send(d.recipients(), frame);
        }
        share.accepted();
        List<Runnable> closes = new ArrayList<>();
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.CloseConnection close) {
                share.closed(close.participant(), close.closeCode(), close.reason());
                Connection c = sockets.remove(close.participant());
                if (c != null) closes.add(() -> c.closeAfterSending(close.closeCode(), close.reason()));
            } else if (effect instanceof Effect.ScheduleTimer timer) {
                share.deadline(timer);
                schedule(timer);
            } else if (effect instanceof Effect.Watch watch) {
                Instant over = watch.since().plus(around.care().length(watch.kind()));
                var timer = new Effect.ScheduleTimer(over, new Command.WatchOver(watch.kind(), watch.participant(), watch.since()));
                share.deadline(timer);
                schedule(timer);
            } else if (effect instanceof Effect.StateChanged state) {
                if (state.state() == SessionState.ENDED) {
                    share.ended();
                    ended();
                }
            } else if (effect instanceof Effect.MediaAccess access && around.media().available()) {
                // Mesh media is gated by the core's relay rules; a media server enforces the gate itself.
                gates.tell(access);
            } else if (effect instanceof Effect.ScreenAccess screen && around.media().available()) {
                gates.tell(screen);
            }
        }
        answer.recorded(outcome, null);
        closes.forEach(Runnable::run);
    }

    private void ended() {
        around.ended().accept(this);
        if (around.media().available()) around.writers().execute(() -> around.media().close(id));
    }

    /** Rounded up to the millisecond: a timer that comes early is ignored by the core as stale. */
    private void schedule(Effect.ScheduleTimer timer) {
        long nanos = Duration.between(around.clock().now(), timer.at()).toNanos();
        around.timers().schedule(() -> fire(timer), Math.max(0, (nanos + 999_999) / 1_000_000));
    }

    private void fire(Effect.ScheduleTimer timer) {
        // The executor's clock and the session's may disagree by a hair; early, it would be lost
        // (a dropped person would never count as gone), so it waits out the rest.
        if (around.clock().now().isBefore(timer.at())) {
            schedule(timer);
            return;
        }
        Command command = timer.command();
        try {
            apply(command, Answer.NOBODY);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "timer failed in session " + id, e);
        }
    }
}
