package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnsTest {

    private static List<String> queue(Scenario s) {
        return s.to("F", Event.Hands.class).get(0).queue().stream().map(Event.HandEntry::participant).toList();
    }

    @Test
    void handsQueueInTheOrderRaisedAndRaisingTwiceKeepsThePlace() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C");
        s.ok(new Command.RaiseHand("B"));
        s.later(1).ok(new Command.RaiseHand("A"));
        s.later(1).ok(new Command.RaiseHand("C"));
        assertEquals(List.of("B", "A", "C"), queue(s));
        s.later(1).ok(new Command.RaiseHand("B"));
        assertTrue(s.to("F", Event.Hands.class).isEmpty(), "nothing changed, nothing said");
        s.ok(new Command.LowerHand("A"));
        assertEquals(List.of("B", "C"), queue(s));
        assertTrue(s.to("A", Event.Roster.class).get(0).participants().stream().filter(p -> p.id().equals("B")).findFirst().orElseThrow().hand());
    }

    @Test
    void aWaitingPersonCannotRaiseAHand() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.refused(new Command.RaiseHand("W"), ErrorCode.NOT_ADMITTED);
        s.refused(new Command.LowerHand("W"), ErrorCode.NOT_ADMITTED);
    }

    @Test
    void grantingTheFloorLowersTheHandAndSetsTheTimer() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.RaiseHand("A"));
        s.ok(new Command.GrantFloor("F", "A", 90));
        assertEquals(new Event.FloorChanged("A", Scenario.T0.plusSeconds(90)), s.to("B", Event.FloorChanged.class).get(0));
        assertEquals(List.of(), s.to("B", Event.Hands.class).get(0).queue());
        var timer = s.effects(Effect.ScheduleTimer.class).get(0);
        assertEquals(new Command.FloorTimeUp("A", Scenario.T0.plusSeconds(90)), timer.command());
        s.later(90).ok(timer.command());
        assertEquals(List.of(new Event.FloorExpired("A")), s.to("B"));
        assertEquals("A", s.session.floorHolder().orElseThrow(), "the facilitator decides what follows");
        s.ok(timer.command());
        assertTrue(s.last.deliveries().isEmpty(), "expired once");
    }

    @Test
    void aTimerForAFloorThatMovedOnIsIgnored() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.GrantFloor("F", "A", 60));
        var first = s.effects(Effect.ScheduleTimer.class).get(0).command();
        s.later(10).ok(new Command.GrantFloor("F", "A", 60));
        s.later(50).ok(first);
        assertTrue(s.last.deliveries().isEmpty());
        s.refused(new Command.GrantFloor("F", "A", 0), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.GrantFloor("F", "A", 3601), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.GrantFloor("F", "nobody", null), ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void theHolderYieldsAndTheFacilitatorRevokes() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.refused(new Command.YieldFloor("A"), ErrorCode.NOT_YOUR_TURN);
        s.ok(new Command.GrantFloor("F", "A", null));
        s.refused(new Command.YieldFloor("B"), ErrorCode.NOT_YOUR_TURN);
        s.later(12).ok(new Command.YieldFloor("A"));
        assertEquals(new Event.FloorChanged(null, null), s.to("B", Event.FloorChanged.class).get(0));
        s.ok(new Command.GrantFloor("F", "B", null));
        s.later(3).ok(new Command.RevokeFloor("F"));
        assertTrue(s.session.floorHolder().isEmpty());
        AttendanceRow a = s.session.people.get("A").attendance();
        assertEquals(12, a.floorSeconds());
        assertEquals(1, a.turns());
    }

    @Test
    void aRoundGoesAroundInAdmissionOrderAndAnyoneMayPass() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C");
        s.ok(new Command.StartRound("F", null, 30));
        assertEquals(new Event.RoundChanged(true, List.of("A", "B", "C"), "A", 30), s.to("B", Event.RoundChanged.class).get(0));
        assertEquals("A", s.session.floorHolder().orElseThrow());
        s.refused(new Command.PassRound("B"), ErrorCode.NOT_YOUR_TURN);
        s.later(5).ok(new Command.PassRound("A"));
        assertEquals("B", s.session.roundCurrent().orElseThrow());
        assertEquals("B", s.session.floorHolder().orElseThrow());
        assertEquals(new Event.RoundChanged(true, List.of("A", "B", "C"), "B", 30, List.of("A")), s.to("C", Event.RoundChanged.class).get(0),
                "everyone sees that A passed");
        s.later(5).ok(new Command.YieldFloor("B"));
        assertEquals("C", s.session.floorHolder().orElseThrow(), "yielding in a round hands on");
        assertEquals(List.of("A"), s.to("C", Event.RoundChanged.class).get(0).passed(), "B spoke and yielded: not a pass");
        s.later(5).ok(new Command.NextInRound("F"));
        assertEquals(new Event.RoundChanged(false, List.of(), null, 0), s.to("A", Event.RoundChanged.class).get(0));
        assertTrue(s.session.floorHolder().isEmpty(), "after the last person the round ends");
        AttendanceRow c = s.effects(Effect.AttendanceChanged.class).stream().map(Effect.AttendanceChanged::row)
                .filter(r -> r.participant().equals("C")).findFirst().orElseThrow();
        assertEquals(5, c.floorSeconds(), "C's floor time is recorded when the round ends");
        assertEquals(1, c.turns());
        s.refused(new Command.NextInRound("F"), ErrorCode.NOT_YOUR_TURN);
    }

    @Test
    void aRoundTakesAnOrderAndUsesTheSessionsTurnLengthByDefault() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.refused(new Command.StartRound("F", List.of("A", "A"), null), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.StartRound("F", List.of("A", "nobody"), null), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.StartRound("F", List.of(), null), ErrorCode.BAD_MESSAGE);
        s.ok(new Command.StartRound("F", List.of("B", "F", "A"), null));
        assertEquals(new Event.RoundChanged(true, List.of("B", "F", "A"), "B", 120), s.to("A", Event.RoundChanged.class).get(0));
        s.ok(new Command.StopRound("F"));
        assertTrue(s.session.floorHolder().isEmpty());
    }

    @Test
    void aRoundWithNobodyAdmittedIsRefused() {
        Scenario.withFacilitator().refused(new Command.StartRound("F", null, null), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void whenTheCurrentPersonLeavesTheRoundMovesOn() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C");
        s.ok(new Command.StartRound("F", null, null));
        s.ok(new Command.Leave("A"));
        assertEquals("B", s.session.roundCurrent().orElseThrow());
        s.ok(new Command.Remove("F", "C", null));
        assertEquals(List.of("B"), s.session.roundOrder());
        s.ok(new Command.PassRound("B"));
        assertTrue(s.session.roundCurrent().isEmpty());
    }

    @Test
    void grantingTheFloorDuringARoundEndsTheRound() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.StartRound("F", null, null));
        s.ok(new Command.GrantFloor("F", "B", null));
        assertTrue(s.session.roundCurrent().isEmpty());
        assertEquals("B", s.session.floorHolder().orElseThrow());
    }

    @Test
    void aNewRoundForgetsThePassesOfTheLastAndARestartKeepsThem() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.StartRound("F", null, 30));
        s.ok(new Command.PassRound("A"));
        LiveSession back = LiveSession.restore(s.session.save());
        assertEquals(s.session.snapshot(), back.snapshot(), "the passes are part of the saved round");
        s.ok(new Command.StopRound("F"));
        s.ok(new Command.StartRound("F", null, 30));
        assertEquals(List.of(), s.to("A", Event.RoundChanged.class).get(0).passed());
    }
}
