package org.circle.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circle.session.Command.ByFacilitator;
import org.circle.session.Command.ByPerson;

/**
 * One live session. {@link #apply} checks a command against the rules, changes the state only
 * when the command is allowed, and reports the events and effects. Broadcast state (roster,
 * hands, floor, round, mode, lock, waiting list) is derived by comparing what was last told
 * with what is true now, so no command can forget to announce a change.
 */
public final class LiveSession {

    final SessionInfo info;
    SessionState state = SessionState.OPEN;
    Mode mode = Mode.OPEN;
    boolean locked;
    final Map<String, Person> people = new LinkedHashMap<>();
    final Map<String, String> byMember = new HashMap<>();
    final Set<String> barredMembers = new HashSet<>();
    final HandQueue hands = new HandQueue();
    final Floor floor = new Floor();
    final Round round = new Round();
    long admissions;
    /** Since when no facilitator has been connected in a running session; null while one is. */
    Instant facilitatorsAwaySince;
    /** Members at the locked door, by member id, in the order they knocked. */
    final Map<String, Knocks.Knock> knocks = new LinkedHashMap<>();
    /** Members a facilitator let in past the lock, until they come in. */
    final Set<String> letIn = new HashSet<>();
    long knockCount;
    /** Members' check-ins for this session, by member id: for facilitators only (support, follow-up). */
    final Map<String, CheckInNote> checkIns = new HashMap<>();
    /** The group asks every member to check in before they are admitted. */
    boolean checkInRequired;
    final SupportRequests support = new SupportRequests(this);
    final Messages messages = new Messages(this);

    private final Broadcasts told = new Broadcasts();
    private final Admission admission = new Admission(this);
    private final Turns turns = new Turns(this);
    private final Controls controls = new Controls(this);
    private final Recovery recovery = new Recovery(this);
    private final Presence presence = new Presence(this);
    private final Knocks door = new Knocks(this);
    private final Talk talk = new Talk(this);

    public LiveSession(SessionInfo info) {
        this.info = info;
    }

    public Outcome apply(Command command, Instant now) {
        if (command instanceof Command.Signal signal) return signalRules().decide(signal);
        Changes changes = new Changes();
        try {
            dispatch(command, now, changes);
            presence.update(command, now, changes);
            controls.endSharesNoLongerAllowed();
            talk.settle(now);
        } catch (Refusal.RefusedException e) {
            return Outcome.refused(e.refusal);
        }
        List<Delivery> deliveries = told.derive(this, changes, now);
        return new Outcome(Optional.empty(), deliveries, List.copyOf(changes.effects), changes.reply);
    }

    private void dispatch(Command command, Instant now, Changes changes) {
        if (command instanceof ByPerson byPerson) {
            Person actor = people.get(byPerson.actor());
            if (actor == null || !actor.status.present()) throw Check.refuse(ErrorCode.FORBIDDEN, "You are not in this session.");
            if (ended()) throw Check.refuse(ErrorCode.SESSION_ENDED, "This session has ended.");
            if (command instanceof ByFacilitator && !(actor.facilitator() && actor.admitted())) {
                throw Check.refuse(ErrorCode.FORBIDDEN, "Only a facilitator may do that.");
            }
        }
        if (command instanceof Command.Join c) {
            admission.join(c, now, changes);
        } else if (command instanceof Command.Disconnected c) {
            admission.disconnected(c, now, changes);
        } else if (command instanceof Command.Resumed c) {
            admission.resumed(c, changes);
        } else if (command instanceof Command.GraceExpired c) {
            Person away = people.get(c.participant());
            boolean wasInTheRoom = away != null && away.admitted() && !away.facilitator();
            admission.graceExpired(c, now, changes);
            if (wasInTheRoom && away.status == Status.LEFT) support.dropped(away.id, now, changes);
        } else if (command instanceof Command.ConsentStatus c) {
            admission.consentStatus(c, now, changes);
        } else if (command instanceof Command.MembershipRevoked c) {
            admission.revoked(c, now, changes);
        } else if (command instanceof Command.Leave c) {
            admission.leave(c, now, changes);
        } else if (command instanceof Command.Admit c) {
            admission.admit(c, now, changes);
        } else if (command instanceof Command.AdmitAll c) {
            admission.admitAll(now, changes);
        } else if (command instanceof Command.Deny c) {
            admission.deny(c, now, changes);
        } else if (command instanceof Command.Remove c) {
            admission.remove(c, now, changes);
        } else if (command instanceof Command.End c) {
            admission.end(now, changes);
        } else if (command instanceof Command.FloorTimeUp c) {
            turns.timeUp(c, changes);
        } else if (command instanceof Command.RaiseHand c) {
            turns.raise(c, now);
        } else if (command instanceof Command.LowerHand c) {
            turns.lower(c);
        } else if (command instanceof Command.YieldFloor c) {
            turns.yieldFloor(c, now, changes);
        } else if (command instanceof Command.PassRound c) {
            turns.pass(c, now, changes);
        } else if (command instanceof Command.GrantFloor c) {
            turns.grant(c, now, changes);
        } else if (command instanceof Command.RevokeFloor c) {
            turns.revoke(now, changes);
        } else if (command instanceof Command.StartRound c) {
            turns.startRound(c, now, changes);
        } else if (command instanceof Command.NextInRound c) {
            turns.next(now, changes);
        } else if (command instanceof Command.StopRound c) {
            turns.stopRound(now, changes);
        } else if (command instanceof Command.SelfMedia c) {
            controls.selfMedia(c);
        } else if (command instanceof Command.ShareScreen c) {
            controls.shareScreen(c);
        } else if (command instanceof Command.Speaking c) {
            talk.speaking(c, now);
        } else if (command instanceof Command.RequestSupport c) {
            support.request(c, now, changes);
        } else if (command instanceof Command.AcknowledgeSupport c) {
            support.acknowledge(c, changes);
        } else if (command instanceof Command.MessageFacilitators c) {
            messages.toFacilitators(c, now, changes);
        } else if (command instanceof Command.SendMessage c) {
            messages.send(c, now, changes);
        } else if (command instanceof Command.CheckedIn c) {
            if (c.memberId() != null && c.checkIn() != null) checkIns.put(c.memberId(), c.checkIn());
        } else if (command instanceof Command.CheckInPolicy c) {
            checkInRequired = c.required();
        } else if (command instanceof Command.Mute c) {
            controls.mute(c, changes);
        } else if (command instanceof Command.MuteAll c) {
            controls.muteAll(c, changes);
        } else if (command instanceof Command.RequestUnmute c) {
            controls.requestUnmute(c, changes);
        } else if (command instanceof Command.SetMode c) {
            controls.setMode(c, changes);
        } else if (command instanceof Command.Lock c) {
            controls.lock(c);
            if (!c.locked()) door.unlocked(c.actor(), changes);
        } else if (command instanceof Command.MessageWaiting c) {
            controls.messageWaiting(c, changes);
        } else if (command instanceof Command.SendToWaiting c) {
            admission.sendToWaiting(c, now, changes);
        } else if (command instanceof Command.WatchOver c) {
            presence.watchOver(c, now, changes);
        } else if (command instanceof Command.Knock c) {
            door.knock(c, now, changes);
        } else if (command instanceof Command.LetIn c) {
            door.letIn(c, changes);
        } else if (command instanceof Command.Restarted c) {
            recovery.restarted(c, now, changes);
        } else {
            // Unreachable while every permitted Command is handled above (CommandCoverageTest).
            throw new IllegalStateException("unhandled command " + command.getClass().getSimpleName());
        }
    }

    boolean ended() { return state == SessionState.ENDED; }

    /** Whether this person has checked in for the session (facilitators never need to). */
    boolean checkedIn(Person p) { return p.memberId == null || checkIns.containsKey(p.memberId); }

    /** Admission's second gate after consent: a check-in, when the group requires one. */
    boolean checkInMissing(Person p) { return checkInRequired && !checkedIn(p); }

    /** Facilitators other than {@code sender} who would hear something now: admitted, with a live connection. */
    int connectedFacilitators(String sender) {
        int n = 0;
        for (Person p : people.values()) if (p.facilitator() && p.admitted() && p.connected && !p.id.equals(sender)) n++;
        return n;
    }

    /** A person who is admitted now, or a refusal that does not reveal anyone else. */
    Person admittedPerson(String id, String field) {
        Check.id(id, field);
        Person p = people.get(id);
        if (p == null || !p.admitted()) throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in the session.");
        return p;
    }

    Person person(String id) { return people.get(id); }

    /** The member's people who are in the session now (waiting or admitted): more than one only while a second device waits. */
    List<Person> devicesOf(String memberId) {
        List<Person> present = new ArrayList<>();
        if (memberId == null) return present;
        for (Person p : people.values()) if (memberId.equals(p.memberId) && p.status.present()) present.add(p);
        return present;
    }

    /** The id of the member's device that is admitted while {@code p} waits, or null: what the waiting list shows facilitators. */
    String alsoAdmitted(Person p) {
        for (Person d : devicesOf(p.memberId)) if (d != p && d.admitted()) return d.id;
        return null;
    }

    Admission admission() { return admission; }

    Knocks door() { return door; }

    Talk talk() { return talk; }

    boolean facilitatorPresent() { return presence.facilitatorPresent(); }

    /** Everything a person leaving their place (left, removed, back to waiting) gives up. */
    void withdraw(Person p, Instant now, Changes changes) {
        hands.lower(p.id);
        if (round.active && round.order.contains(p.id)) {
            boolean wasCurrent = p.id.equals(round.current());
            int at = round.order.indexOf(p.id);
            round.order.remove(at);
            round.passed.remove(p.id);
            if (at < round.index) round.index--;
            if (wasCurrent) turns.continueRound(now, changes);
            else if (round.order.isEmpty()) round.stop();
        }
        if (floor.heldBy(p.id)) floor.release(now, this::person);
    }

    /**
     * The rules a signal meets as the session stands now (a relayed signal changes nothing: it
     * skips comparing the whole session before and after, which was most of the cost of the
     * commonest frame there is).
     */
    public SignalRules signalRules() {
        Set<String> present = new HashSet<>();
        Set<String> admitted = new HashSet<>();
        for (Person p : people.values()) {
            if (p.status.present()) present.add(p.id);
            if (p.admitted()) admitted.add(p.id);
        }
        return new SignalRules(present, admitted, ended());
    }

    /**
     * Whether {@code actor} may send or receive media through the server, with {@code peer} when
     * one is named: both must be admitted and be two people. Changes nothing; the SFU frames ask
     * it before the edge calls the media port, outside the session's lock.
     */
    public Optional<Refusal> mediaRefusal(String actor, String peer) {
        Person p = people.get(actor);
        if (p == null || !p.admitted()) return Optional.of(new Refusal(ErrorCode.NOT_ADMITTED, "You are still in the waiting room."));
        if (peer == null) return Optional.empty();
        Person other = people.get(peer);
        if (other == null || !other.admitted() || other == p) {
            return Optional.of(new Refusal(ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in the session."));
        }
        return Optional.empty();
    }

    /**
     * The media gate of everyone the session knows: who may publish, whose audio may be
     * forwarded, who may share a screen. A media server must enforce it now. The instance that
     * decides a command hears the gate's changes as effects; another instance of a cluster, which
     * takes the state that one decided, tells its own media port from this.
     */
    public List<Effect> mediaGates() {
        List<Effect> gates = new ArrayList<>();
        for (Person p : people.values()) {
            gates.add(mediaAccess(p));
            gates.add(new Effect.ScreenAccess(p.id, p.screen));
        }
        return gates;
    }

    Effect.MediaAccess mediaAccess(Person p) {
        boolean publish = p.admitted() && !ended();
        return new Effect.MediaAccess(p.id, publish, publish && p.audio);
    }

    /** Whether this person is sharing their screen now, as the core allows it. */
    public boolean sharingScreen(String id) {
        Person p = people.get(id);
        return p != null && p.screen;
    }

    // Read-only views for the edges and tests

    public LiveSessionView view() {
        return new LiveSessionView(info.id(), info.title(), state, mode, locked, info.media());
    }

    public Optional<ParticipantView> participant(String id) {
        return Optional.ofNullable(people.get(id)).map(Person::view);
    }

    public List<ParticipantView> participants() {
        List<ParticipantView> all = new ArrayList<>();
        for (Person p : people.values()) all.add(p.view());
        return all;
    }

    /** Whether a facilitator let this member in past the lock, so that the ticket desk lets them through too. */
    public boolean letInPastLock(String memberId) { return memberId != null && letIn.contains(memberId); }

    public Optional<String> floorHolder() { return Optional.ofNullable(floor.holder); }

    public List<String> handQueue() {
        return hands.entries().stream().map(Event.HandEntry::participant).toList();
    }

    public Optional<String> roundCurrent() { return Optional.ofNullable(round.current()); }

    public List<String> roundOrder() { return List.copyOf(round.order); }

    /** The session as plain, serializable values: what a store keeps so that it can carry on after a restart. */
    public SavedSession save() { return Saving.save(this); }

    /** The session a {@link #save()} describes, as if it had never stopped: it has nothing new to tell anyone. */
    public static LiveSession restore(SavedSession saved) { return Saving.restore(saved); }

    void primeBroadcasts() { told.prime(this); }

    /** Everything that defines the state, as text: equal snapshots mean equal states. */
    public String snapshot() {
        return state + "|" + mode + "|" + locked + "|" + people.values() + "|" + barredMembers + "|"
                + hands + "|" + floor + "|" + round + "|" + admissions + "|" + support + "|" + messages + "|" + checkIns + "|" + checkInRequired
                + "|" + facilitatorsAwaySince + "|" + knocks + "|" + new java.util.TreeSet<>(letIn) + "|" + knockCount;
    }
}
