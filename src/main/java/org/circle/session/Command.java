package org.circle.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Everything that can happen to a live session. Frames from people carry the {@code actor}
 * (their participant id, as authenticated by the edge); the rest come from the edges and timers.
 * Serializable: a timer's command waits in the data grid when Circle runs as a cluster, to be
 * fired by whichever instance is left.
 */
public sealed interface Command extends Serializable {

    /** Commands a person sends; the core checks what the actor may do. */
    sealed interface ByPerson extends Command { String actor(); }

    /** Commands only a facilitator may send. */
    sealed interface ByFacilitator extends ByPerson { }

    // From the edges and timers
    /** {@code memberName}: the name the facilitator gave the member (they may join under another); facilitators only ever see it. */
    record Join(String participantId, String memberId, String displayName, Role role, boolean consentComplete, String memberName) implements Command {
        public Join(String participantId, String memberId, String displayName, Role role, boolean consentComplete) {
            this(participantId, memberId, displayName, role, consentComplete, null);
        }
    }
    record Disconnected(String participant) implements Command { }
    record Resumed(String participant) implements Command { }
    record GraceExpired(String participant) implements Command { }
    record ConsentStatus(String memberId, boolean complete) implements Command { }
    record MembershipRevoked(String memberId) implements Command { }
    /** A member's check-in for this session, committed (or found at their arrival); a newer one replaces it. */
    record CheckedIn(String memberId, CheckInNote checkIn) implements Command { }
    /** The group's check-in setting as it stands: {@code required} gates admission. */
    record CheckInPolicy(boolean required) implements Command { }
    record FloorTimeUp(String participant, Instant endsAt) implements Command { }
    /**
     * The session was restored after its server stopped (a restart, kill -9) and every socket is
     * gone; {@code lastAlive} is when the server was last known to be running it.
     */
    record Restarted(Instant lastAlive) implements Command { }
    /** A watch the core started ({@link Effect.Watch}) has run the length the edge gives that kind. */
    record WatchOver(WatchKind kind, String participant, Instant since) implements Command { }
    /** A member the lock turned away (their ticket or hello was refused LOCKED): the facilitators hear of it. */
    record Knock(String memberId, String memberName) implements Command { }

    // From any present person
    record Leave(String actor) implements ByPerson { }
    record RaiseHand(String actor) implements ByPerson { }
    record LowerHand(String actor) implements ByPerson { }
    record YieldFloor(String actor) implements ByPerson { }
    record PassRound(String actor) implements ByPerson { }
    record SelfMedia(String actor, Boolean audio, Boolean video) implements ByPerson { }
    record RequestSupport(String actor, String note) implements ByPerson { }
    record Signal(String actor, String to, String payloadJson) implements ByPerson { }
    record MessageFacilitators(String actor, String text) implements ByPerson { }
    /** v1.1: the sender's own voice activity started ({@code active}) or stopped, as their browser heard it. */
    record Speaking(String actor, boolean active) implements ByPerson { }
    /**
     * v1.1: the sender starts ({@code on}) or stops sharing their screen: {@code self.media {screen}} in any
     * session, or the edge on a {@code media.publish} of the screen in an SFU session.
     */
    record ShareScreen(String actor, boolean on) implements ByPerson { }

    // From facilitators only
    record Admit(String actor, String participant) implements ByFacilitator { }
    record AdmitAll(String actor) implements ByFacilitator { }
    record Deny(String actor, String participant, String reason) implements ByFacilitator { }
    record Remove(String actor, String participant, String reason) implements ByFacilitator { }
    record Mute(String actor, String participant) implements ByFacilitator { }
    record MuteAll(String actor) implements ByFacilitator { }
    record RequestUnmute(String actor, String participant) implements ByFacilitator { }
    record SetMode(String actor, String mode) implements ByFacilitator { }
    record Lock(String actor, boolean locked) implements ByFacilitator { }
    record GrantFloor(String actor, String participant, Integer seconds) implements ByFacilitator { }
    record RevokeFloor(String actor) implements ByFacilitator { }
    record StartRound(String actor, List<String> order, Integer seconds) implements ByFacilitator { }
    record NextInRound(String actor) implements ByFacilitator { }
    record StopRound(String actor) implements ByFacilitator { }
    record MessageWaiting(String actor, String text, String participant) implements ByFacilitator { }
    /** v1.1: admitted → waiting, with an optional message; they keep no floor, hand or round place. */
    record SendToWaiting(String actor, String participant, String message) implements ByFacilitator { }
    record End(String actor) implements ByFacilitator { }
    record AcknowledgeSupport(String actor, String id) implements ByFacilitator { }
    record SendMessage(String actor, String text, String participant) implements ByFacilitator { }
    /** Lets the member who knocked at the locked door into the waiting room, without unlocking for everyone. */
    record LetIn(String actor, String member) implements ByFacilitator { }
}
