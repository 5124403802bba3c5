package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A live session driven by hand with a clock that only moves when told. */
final class Scenario {

    static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

    final LiveSession session;
    Instant now = T0;
    Outcome last;

    Scenario() { this(new LiveSession(new SessionInfo("s1", "Tuesday group", MediaKind.MESH, 120, T0))); }

    /** Carries on with a session made elsewhere, for example one restored from its saved form. */
    Scenario(LiveSession session) { this.session = session; }

    static Scenario withFacilitator() {
        Scenario s = new Scenario();
        s.ok(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        return s;
    }

    /** A member who joins and waits; consent complete unless told otherwise. */
    Scenario waiting(String id) { return waiting(id, true); }

    Scenario waiting(String id, boolean consent) {
        ok(new Command.Join(id, "m-" + id, "Person-" + id, Role.PARTICIPANT, consent));
        return this;
    }

    Scenario admitted(String... ids) {
        for (String id : ids) {
            waiting(id);
            ok(new Command.Admit("F", id));
        }
        return this;
    }

    Scenario later(long seconds) {
        now = now.plusSeconds(seconds);
        return this;
    }

    Outcome ok(Command command) {
        last = session.apply(command, now);
        if (!last.accepted()) fail(command + " was refused: " + last.refusal().get());
        Invariants.check(session, last);
        return last;
    }

    /** Asserts the refusal code, and that the refusal changed nothing and told nobody anything. */
    Outcome refused(Command command, ErrorCode code) {
        String before = session.snapshot();
        last = session.apply(command, now);
        assertTrue(last.refusal().isPresent(), command + " should have been refused with " + code);
        assertEquals(code, last.refusal().get().code(), command.toString());
        assertEquals(before, session.snapshot(), "a refused command changes nothing");
        assertTrue(last.deliveries().isEmpty() && last.effects().isEmpty());
        return last;
    }

    /** Events the last command sent to one person, in order. */
    List<Event> to(String participant) {
        List<Event> events = new ArrayList<>();
        for (Delivery d : last.deliveries()) if (d.recipients().contains(participant)) events.add(d.event());
        return events;
    }

    <E extends Event> List<E> to(String participant, Class<E> type) {
        return to(participant).stream().filter(type::isInstance).map(type::cast).toList();
    }

    <F extends Effect> List<F> effects(Class<F> type) {
        return last.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    Status status(String id) { return session.participant(id).orElseThrow().status(); }
}
