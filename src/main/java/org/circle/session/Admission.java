package org.circle.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Arriving, waiting, being admitted or turned away, dropping out and coming back, leaving, ending. */
final class Admission {

    /** How long a dropped connection keeps its place before the person counts as gone. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private final LiveSession s;

    Admission(LiveSession s) { this.s = s; }

    void join(Command.Join c, Instant now, Changes changes) {
        if (s.ended()) throw Check.refuse(ErrorCode.SESSION_ENDED, "This session has ended.");
        Check.id(c.participantId(), "participantId");
        if (c.role() == null) throw Check.bad("role is required");
        if (c.displayName() == null || c.displayName().isBlank() || c.displayName().length() > 80) throw Check.bad("displayName is required");
        boolean facilitator = c.role() == Role.FACILITATOR;
        if (!facilitator && (c.memberId() == null || c.memberId().isBlank())) throw Check.bad("memberId is required for a participant");

        Person known = facilitator ? s.person(c.participantId()) : s.person(s.byMember.getOrDefault(c.memberId(), ""));
        if (!facilitator && s.barredMembers.contains(c.memberId())) {
            throw Check.refuse(ErrorCode.FORBIDDEN, "You were removed from this session.");
        }
        // The edge gives every member's arrival a new participant id; the admitted one's own id
        // can only come from a caller that means that same device (as a resume does).
        if (!facilitator && known != null && known.admitted() && !known.id.equals(c.participantId())) {
            anotherDevice(c, known, now, changes);
            return;
        }
        boolean comingBack = known != null && known.status.present();
        if (!facilitator && s.locked && !comingBack && !s.door().passes(c.memberId())) throw Check.refuse(ErrorCode.LOCKED, "This session is locked.");

        Person p = known;
        if (p != null && !comingBack) p.returns();
        if (p == null) {
            if (s.person(c.participantId()) != null) throw Check.bad("participantId is taken");
            p = new Person(c.participantId(), c.memberId(), c.displayName(), facilitator ? null : c.memberName(), c.role(), c.consentComplete());
            s.people.put(p.id, p);
            if (!facilitator) s.byMember.put(c.memberId(), p.id);
        }
        p.connected = true;
        p.disconnectedAt = null;
        p.lostAt = null;
        p.consentComplete = c.consentComplete();
        if (facilitator) {
            if (!p.admitted()) admitNow(p, now, changes);
            else changes.needPicture.add(p.id);
            if (s.state == SessionState.OPEN) s.state = SessionState.LIVE;
        } else if (p.admitted()) {
            changes.needPicture.add(p.id);
        } else {
            if (!p.waiting()) {
                p.status = Status.WAITING;
                p.waitingSince = now;
                p.leftAt = null;
                p.audio = false; // everyone arrives muted; their page then says what it wants
                p.video = false;
            }
            changes.toOne(p.id, new Event.Waiting(null));
        }
        changes.reply(new Reply.Joined(p.id, p.status));
    }

    /**
     * A fresh ticket for a member who is admitted: the ticket proves only that its holder has the
     * invitation link, which may be on any device, so this one waits like any arrival and the
     * facilitators see whose other device it is; only a resume token goes straight back in. The
     * admitted device stays as it is until a facilitator admits this one ({@link #admitNow}).
     * Like a page that reloads, it passes the lock: the member is already in the session. A
     * device that is already waiting as the second is taken over by the newest, as a waiting
     * member's page is.
     */
    private void anotherDevice(Command.Join c, Person admitted, Instant now, Changes changes) {
        Person p = null;
        for (Person d : s.devicesOf(c.memberId())) if (d.secondDevice && d.waiting()) p = d;
        if (p == null) {
            p = new Person(c.participantId(), c.memberId(), c.displayName(), c.memberName(), Role.PARTICIPANT, c.consentComplete());
            p.secondDevice = true;
            p.status = Status.WAITING;
            p.waitingSince = now;
            s.people.put(p.id, p);
        }
        p.connected = true;
        p.disconnectedAt = null;
        p.lostAt = null;
        p.consentComplete = c.consentComplete();
        changes.toOne(p.id, new Event.Waiting(null));
        changes.reply(new Reply.Joined(p.id, p.status));
    }

    void admit(Command.Admit c, Instant now, Changes changes) {
        Person p = waitingPerson(c.participant());
        if (!p.consentComplete) throw Check.refuse(ErrorCode.CONSENT_INCOMPLETE, "Their consent is not complete yet.");
        if (s.checkInMissing(p)) throw Check.refuse(ErrorCode.CHECK_IN_MISSING, "They have not checked in for this session yet.");
        admitNow(p, now, changes);
    }

    void admitAll(Instant now, Changes changes) {
        List<String> left = new ArrayList<>();
        for (Person p : List.copyOf(s.people.values())) {
            if (!p.waiting()) continue;
            // A second device replaces the member's admitted one: a facilitator decides that one by one.
            if (p.consentComplete && !s.checkInMissing(p) && s.alsoAdmitted(p) == null) admitNow(p, now, changes);
            else left.add(p.id);
        }
        changes.reply(new Reply.LeftWaiting(left));
    }

    private void admitNow(Person p, Instant now, Changes changes) {
        if (p.memberId != null) replaceOtherDevices(p, now, changes);
        p.status = Status.ADMITTED;
        p.admittedAt = now;
        if (p.waitingSince == null) p.waitingSince = now;
        p.leftAt = null;
        p.admissionOrder = ++s.admissions;
        changes.toOne(p.id, new Event.Admitted());
        changes.needPicture.add(p.id);
    }

    /**
     * A member is in the room on one device at a time: admitting one of their devices ends their
     * stint on every other (they leave, with 4005 and the reason), and it becomes their device.
     */
    private void replaceOtherDevices(Person p, Instant now, Changes changes) {
        for (Person other : s.devicesOf(p.memberId)) {
            if (other == p) continue;
            s.withdraw(other, now, changes);
            other.status = Status.LEFT;
            other.leftAt = now;
            changes.effect(new Effect.CloseConnection(other.id, CloseCode.REPLACED, "replaced by your other device"));
        }
        p.secondDevice = false;
        s.byMember.put(p.memberId, p.id);
    }

    void deny(Command.Deny c, Instant now, Changes changes) {
        Person p = waitingPerson(c.participant());
        String reason = Check.optionalText(c.reason(), "reason");
        p.status = Status.DENIED;
        p.leftAt = now;
        changes.toOne(p.id, new Event.Denied(reason));
        changes.effect(new Effect.CloseConnection(p.id, CloseCode.DENIED, "denied"));
    }

    void remove(Command.Remove c, Instant now, Changes changes) {
        Person p = s.admittedPerson(c.participant(), "participant");
        String reason = Check.optionalText(c.reason(), "reason");
        if (p.facilitator()) throw Check.refuse(ErrorCode.FORBIDDEN, "A facilitator cannot be removed.");
        s.withdraw(p, now, changes);
        p.status = Status.REMOVED;
        p.leftAt = now;
        if (p.memberId != null) s.barredMembers.add(p.memberId);
        changes.toOne(p.id, new Event.Removed(reason));
        changes.effect(new Effect.CloseConnection(p.id, CloseCode.REMOVED, "removed"));
        // A removed member's other device, waiting to replace this one, goes with them.
        if (p.memberId != null) for (Person other : s.devicesOf(p.memberId)) barOut(other, now, changes, CloseCode.REMOVED, "removed");
    }

    private void barOut(Person p, Instant now, Changes changes, CloseCode code, String reason) {
        s.withdraw(p, now, changes);
        p.status = Status.REMOVED;
        p.leftAt = now;
        changes.effect(new Effect.CloseConnection(p.id, code, reason));
    }

    void leave(Command.Leave c, Instant now, Changes changes) {
        Person p = s.person(c.actor());
        gone(p, now, changes);
        changes.effect(new Effect.CloseConnection(p.id, CloseCode.LEFT, "left"));
    }

    void disconnected(Command.Disconnected c, Instant now, Changes changes) {
        Person p = s.person(c.participant());
        if (p == null || !p.connected) return;
        p.connected = false;
        p.disconnectedAt = now;
        if (p.status.present() && !s.ended()) {
            changes.effect(new Effect.ScheduleTimer(now.plus(GRACE), new Command.GraceExpired(p.id)));
        }
    }

    void resumed(Command.Resumed c, Changes changes) {
        Person p = s.person(c.participant());
        if (s.ended()) throw Check.refuse(ErrorCode.SESSION_ENDED, "This session has ended.");
        if (p == null || !p.status.present()) throw Check.refuse(ErrorCode.FORBIDDEN, "That connection cannot be resumed.");
        p.connected = true;
        p.disconnectedAt = null;
        p.lostAt = null;
        if (p.admitted()) changes.needPicture.add(p.id);
        else changes.toOne(p.id, new Event.Waiting(null));
    }

    void graceExpired(Command.GraceExpired c, Instant now, Changes changes) {
        Person p = s.person(c.participant());
        if (p == null || p.connected || !p.status.present() || s.ended()) return;
        if (now.isBefore(p.disconnectedAt.plus(GRACE))) return; // a newer drop set its own timer
        gone(p, now, changes);
        if (p.lostAt != null) p.leftAt = p.lostAt; // lost in a restart: they were last there before it
    }

    void consentStatus(Command.ConsentStatus c, Instant now, Changes changes) {
        if (s.ended()) return;
        Person known = s.person(s.byMember.getOrDefault(c.memberId(), ""));
        if (known != null) known.consentComplete = c.complete();
        for (Person p : s.devicesOf(c.memberId())) {
            p.consentComplete = c.complete();
            if (!c.complete() && p.admitted()) {
                // Consent is a condition of being in the room, not only of entering it.
                backToWaiting(p, now, changes, "Your agreement to the group's terms has changed, so you are back in the waiting room.");
            }
        }
    }

    void sendToWaiting(Command.SendToWaiting c, Instant now, Changes changes) {
        Person p = s.admittedPerson(c.participant(), "participant");
        String message = Check.optionalText(c.message(), "message");
        if (p.facilitator()) throw Check.refuse(ErrorCode.FORBIDDEN, "A facilitator cannot be sent to the waiting room.");
        backToWaiting(p, now, changes, message);
    }

    /** Out of the room but still in the session: no floor, hand or round place, camera and microphone off. */
    void backToWaiting(Person p, Instant now, Changes changes, String message) {
        s.withdraw(p, now, changes);
        p.status = Status.WAITING;
        p.waitingSince = now;
        p.audio = false;
        p.video = false;
        changes.toOne(p.id, new Event.Waiting(message));
    }

    void revoked(Command.MembershipRevoked c, Instant now, Changes changes) {
        if (c.memberId() == null) return;
        s.barredMembers.add(c.memberId());
        for (Person p : s.devicesOf(c.memberId())) barOut(p, now, changes, CloseCode.REVOKED, "membership revoked");
    }

    void end(Instant now, Changes changes) {
        changes.toPresent(new Event.SessionEnded());
        s.floor.release(now, s::person);
        s.round.stop();
        for (Person p : s.people.values()) {
            if (!p.status.present()) continue;
            p.endedWhilePresent = true;
            p.leftAt = now;
            changes.effect(new Effect.CloseConnection(p.id, CloseCode.ENDED, "session ended"));
        }
        s.state = SessionState.ENDED;
    }

    private void gone(Person p, Instant now, Changes changes) {
        s.withdraw(p, now, changes);
        p.status = Status.LEFT;
        p.leftAt = now;
    }

    private Person waitingPerson(String id) {
        Check.id(id, "participant");
        Person p = s.person(id);
        if (p == null || !p.waiting()) throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "Nobody by that id is waiting.");
        return p;
    }
}
