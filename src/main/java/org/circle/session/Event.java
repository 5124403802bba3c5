package org.circle.session;

import java.time.Instant;
import java.util.List;

/** What people are told. Each event names its wire {@code type} from the protocol. */
public sealed interface Event {

    String type();

    record Waiting(String message) implements Event {
        /** Why everyone admitted waits again when no facilitator came back within the grace (v1.1). */
        public static final String UNATTENDED = "Your facilitator's connection dropped, so you are back in the waiting room for now. "
                + "You will be let back in when they return.";
        public String type() { return "waiting"; }
    }
    record Admitted() implements Event { public String type() { return "admitted"; } }
    record Denied(String reason) implements Event { public String type() { return "denied"; } }
    record Removed(String reason) implements Event { public String type() { return "removed"; } }
    record SessionEnded() implements Event { public String type() { return "session.ended"; } }

    /** {@code memberName} only in facilitators' rosters (see {@link Roster#withoutMemberNames}). */
    record RosterEntry(String id, String displayName, Role role, boolean audio, boolean video, boolean connected, boolean hand, String memberName,
                       boolean screen) {
        public RosterEntry(String id, String displayName, Role role, boolean audio, boolean video, boolean connected, boolean hand, String memberName) {
            this(id, displayName, role, audio, video, connected, hand, memberName, false);
        }
    }
    record Roster(List<RosterEntry> participants) implements Event {
        public String type() { return "roster"; }

        /** The roster as participants see it: the names facilitators gave members are theirs alone. */
        public Roster withoutMemberNames() {
            return new Roster(participants.stream().map(p -> p.memberName() == null ? p
                    : new RosterEntry(p.id(), p.displayName(), p.role(), p.audio(), p.video(), p.connected(), p.hand(), null, p.screen())).toList());
        }
    }

    record HandEntry(String participant, Instant since) { }
    record Hands(List<HandEntry> queue) implements Event { public String type() { return "hands"; } }

    record FloorChanged(String participant, Instant endsAt) implements Event { public String type() { return "floor"; } }
    record FloorExpired(String participant) implements Event { public String type() { return "floor.expired"; } }
    /** {@code passed}: who passed their turn in this round so far, in order (Circle's extension). */
    record RoundChanged(boolean active, List<String> order, String current, int seconds, List<String> passed) implements Event {
        public RoundChanged(boolean active, List<String> order, String current, int seconds) { this(active, order, current, seconds, List.of()); }
        public String type() { return "round"; }
    }
    record ModeChanged(Mode mode) implements Event { public String type() { return "mode"; } }
    record Muted(String participant, String by) implements Event { public String type() { return "muted"; } }
    record UnmuteRequested(String by) implements Event { public String type() { return "unmute.requested"; } }
    /** v1.1: {@code facilitatorPresent}, whether a facilitator is connected now. */
    record SessionStateChanged(SessionState state, boolean locked, boolean facilitatorPresent) implements Event {
        public SessionStateChanged(SessionState state, boolean locked) { this(state, locked, true); }
        public String type() { return "session.state"; }
    }

    /** {@code alsoAdmitted}: the id of the same member's admitted device when this is a second device, else null. */
    record WaitingEntry(String id, String displayName, Instant since, boolean consentComplete, String memberName,
                        boolean checkedIn, boolean privateSpace, String alsoAdmitted) { }
    /** v1.1 extension, to facilitators only: talk and floor time per admitted person (see {@code Talk}). */
    record TalkEntry(String participant, boolean speaking, long speakingSeconds, long floorSeconds) { }
    record TalkTime(List<TalkEntry> participants) implements Event { public String type() { return "talk.time"; } }
    record WaitingList(List<WaitingEntry> waiting) implements Event { public String type() { return "waiting.list"; } }
    /**
     * To facilitators only; {@code checkIn} is null when the member has not checked in for this session. {@code count}: how
     * many times they asked while it was open (a repeat updates the alert of the same id); {@code lastAt}: when last.
     */
    record SupportRequested(String id, String participant, String displayName, String note, Instant at, CheckInNote checkIn,
                            int count, Instant lastAt) implements Event {
        public SupportRequested(String id, String participant, String displayName, String note, Instant at, CheckInNote checkIn) {
            this(id, participant, displayName, note, at, checkIn, 1, at);
        }
        public String type() { return "support.requested"; }
    }
    /** To facilitators only: an admitted member dropped out and did not come back; acknowledged like a support request. */
    record ParticipantDropped(String id, String participant, String displayName, Instant at, CheckInNote checkIn) implements Event {
        public String type() { return "participant.dropped"; }
    }
    /** To the member who asked: {@code by} is the facilitator's name. */
    record SupportAcknowledged(String id, String by) implements Event { public String type() { return "support.acknowledged"; } }
    /** To the other facilitators: the request needs nobody else now. */
    record SupportClosed(String id, String by) implements Event { public String type() { return "support.closed"; } }
    /** {@code to} is "facilitators", "everyone" (everyone admitted) or one participant id. */
    record Message(String id, String from, String fromName, String text, Instant at, String to) implements Event {
        public String type() { return "message"; }
    }
    /** To facilitators: a member knocked at the locked door. */
    record LockKnock(String id, String member, String memberName, Instant at) implements Event { public String type() { return "lock.knock"; } }
    /** To facilitators: a knock was dealt with ({@code outcome} {@code let.in} or {@code unlocked}) by {@code by}. */
    record LockKnockClosed(String id, String member, String outcome, String by) implements Event { public String type() { return "lock.knock.closed"; } }
    record SignalRelayed(String from, String payloadJson) implements Event { public String type() { return "signal"; } }
}
