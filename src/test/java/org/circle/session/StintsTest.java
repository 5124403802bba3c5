package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Attendance keeps one row per stint: coming back after leaving starts a new one, counted from zero. */
class StintsTest {

    private static AttendanceRow row(Scenario s, String id) {
        return s.effects(Effect.AttendanceChanged.class).stream().map(Effect.AttendanceChanged::row)
                .filter(r -> r.participant().equals(id)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aPersonWhoLeavesAndComesBackHasASecondStint() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.GrantFloor("F", "A", null));
        s.later(20).ok(new Command.Leave("A"));
        AttendanceRow first = row(s, "A");
        assertEquals(1, first.stint());
        assertEquals("left", first.outcome());
        assertEquals(20, first.floorSeconds());

        s.later(60).ok(new Command.Join("A2", "m-A", "Person-A", Role.PARTICIPANT, true));
        AttendanceRow second = row(s, "A");
        assertEquals(2, second.stint(), "the same person, a new stint");
        assertEquals("waiting", second.outcome());
        assertEquals(Scenario.T0.plusSeconds(80), second.waitingSince());
        assertNull(second.admittedAt(), "not admitted yet in this stint");
        assertNull(second.leftAt());
        assertEquals(0, second.floorSeconds(), "the first stint's floor time stays with the first stint");
    }

    @Test
    void reconnectingWhileStillPresentIsTheSameStint() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Join("A2", "m-A", "Person-A", Role.PARTICIPANT, true));
        s.later(5).ok(new Command.Leave("A"));
        assertEquals(1, row(s, "A").stint());
    }
}
