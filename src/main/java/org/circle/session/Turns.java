package org.circle.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Raised hands, the floor and its timer, and go-around rounds. */
final class Turns {

    private final LiveSession s;

    Turns(LiveSession s) { this.s = s; }

    void raise(Command.RaiseHand c, Instant now) {
        requireAdmitted(c.actor());
        s.hands.raise(c.actor(), now);
    }

    void lower(Command.LowerHand c) {
        requireAdmitted(c.actor());
        s.hands.lower(c.actor());
    }

    void grant(Command.GrantFloor c, Instant now, Changes changes) {
        Person p = s.admittedPerson(c.participant(), "participant");
        Integer seconds = Check.seconds(c.seconds(), "seconds");
        s.round.stop(); // the facilitator takes the turns into their own hands
        give(p.id, seconds, now, changes);
    }

    void revoke(Instant now, Changes changes) {
        Person holder = s.floor.holder == null ? null : s.person(s.floor.holder);
        s.round.stop();
        s.floor.release(now, s::person);
        muteIfModerated(holder, changes);
    }

    void yieldFloor(Command.YieldFloor c, Instant now, Changes changes) {
        if (!s.floor.heldBy(c.actor())) throw Check.refuse(ErrorCode.NOT_YOUR_TURN, "You do not hold the floor.");
        if (s.round.active && c.actor().equals(s.round.current())) {
            advance(now, changes);
        } else {
            s.floor.release(now, s::person);
            muteIfModerated(s.person(c.actor()), changes);
        }
    }

    void pass(Command.PassRound c, Instant now, Changes changes) {
        if (!s.round.active || !c.actor().equals(s.round.current())) {
            throw Check.refuse(ErrorCode.NOT_YOUR_TURN, "It is not your turn in the round.");
        }
        s.round.passed.add(c.actor());
        advance(now, changes);
    }

    void startRound(Command.StartRound c, Instant now, Changes changes) {
        Integer seconds = Check.seconds(c.seconds(), "seconds");
        List<String> order = Check.ids(c.order(), "order");
        if (order == null) {
            order = new ArrayList<>();
            for (Person p : s.people.values()) if (p.admitted() && !p.facilitator()) order.add(p.id);
            order.sort((a, b) -> Long.compare(s.person(a).admissionOrder, s.person(b).admissionOrder));
        } else {
            if (new HashSet<>(order).size() != order.size()) throw Check.bad("order must not name anyone twice");
            for (String id : order) s.admittedPerson(id, "order");
        }
        if (order.isEmpty()) throw Check.bad("order is empty: nobody is admitted to go around");
        s.round.start(order, seconds == null ? s.info.turnSeconds() : seconds);
        give(s.round.current(), s.round.seconds, now, changes);
    }

    void next(Instant now, Changes changes) {
        if (!s.round.active) throw Check.refuse(ErrorCode.NOT_YOUR_TURN, "No round is running.");
        advance(now, changes);
    }

    void stopRound(Instant now, Changes changes) {
        if (!s.round.active) return;
        Person current = s.person(s.round.current());
        if (s.floor.heldBy(current.id)) s.floor.release(now, s::person);
        s.round.stop();
        muteIfModerated(current, changes);
    }

    void timeUp(Command.FloorTimeUp c, Changes changes) {
        if (s.ended() || !s.floor.heldBy(c.participant()) || s.floor.expired
                || s.floor.endsAt == null || !s.floor.endsAt.equals(c.endsAt())) {
            return; // a timer for a floor that has since moved on
        }
        s.floor.expired = true;
        changes.toAdmitted(new Event.FloorExpired(c.participant()));
    }

    /** The current person in the round is done: the next one gets the floor, or the round ends. */
    private void advance(Instant now, Changes changes) {
        String previous = s.round.current();
        s.round.index++;
        continueRound(now, changes);
        if (previous != null) muteIfModerated(s.person(previous), changes);
    }

    /** Gives the floor to whoever is now current in the round, or ends a round that has run out. */
    void continueRound(Instant now, Changes changes) {
        String current = s.round.current();
        if (current == null) {
            s.floor.release(now, s::person);
            s.round.stop();
        } else {
            give(current, s.round.seconds, now, changes);
        }
    }

    private void give(String participant, Integer seconds, Instant now, Changes changes) {
        Instant endsAt = seconds == null ? null : now.plusSeconds(seconds);
        Person previous = s.floor.holder == null ? null : s.person(s.floor.holder);
        s.floor.give(participant, now, endsAt, s::person);
        s.hands.lower(participant);
        if (previous != null && !previous.id.equals(participant)) muteIfModerated(previous, changes);
        if (endsAt != null) changes.effect(new Effect.ScheduleTimer(endsAt, new Command.FloorTimeUp(participant, endsAt)));
    }

    /** In moderated mode only the floor holder speaks: whoever loses the floor is muted. */
    private void muteIfModerated(Person p, Changes changes) {
        if (p == null || s.mode != Mode.MODERATED || p.facilitator() || !p.audio || s.floor.heldBy(p.id)) return;
        p.audio = false;
        changes.toAdmitted(new Event.Muted(p.id, null));
    }

    private void requireAdmitted(String actor) {
        if (!s.person(actor).admitted()) throw Check.refuse(ErrorCode.NOT_ADMITTED, "You are still in the waiting room.");
    }
}
