package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a restart the session carries on from its saved form: the removal, lock, mode, hands,
 * floor and round hold; everyone is away and may come back within the grace period keeping
 * their place; whoever does not come back left when the server was last known to be running.
 */
class RecoveryTest {

    private final Scenario before = SavingTest.busy();
    private final Instant crash = before.now.plusSeconds(30);
    /** The busy session saved, the process gone, restored two minutes after its last sign of life. */
    private Scenario restore() {
        Scenario after = new Scenario(LiveSession.restore(SavingTest.throughBytes(before.session.save())));
        after.now = crash.plusSeconds(120);
        after.ok(new Command.Restarted(crash));
        return after;
    }

    @Test
    void everyoneIsAwayAndHasTheGracePeriodToComeBack() {
        Scenario after = restore();
        for (ParticipantView p : after.session.participants()) if (p.status().present()) assertFalse(p.connected(), p.id());
        List<Effect.ScheduleTimer> timers = after.effects(Effect.ScheduleTimer.class);
        for (String id : List.of("F", "A", "B", "C", "W")) {
            assertTrue(timers.contains(new Effect.ScheduleTimer(after.now.plus(Admission.GRACE), new Command.GraceExpired(id))), id);
        }
        Instant floorEnds = before.session.save().floor().endsAt();
        assertTrue(timers.contains(new Effect.ScheduleTimer(floorEnds, new Command.FloorTimeUp("A", floorEnds))), "the floor's timer is set again");
        assertTrue(after.to("F", Event.Roster.class).get(0).participants().stream().noneMatch(Event.RosterEntry::connected),
                "whoever comes back first sees the others as away");
    }

    @Test
    void theRemovalTheLockAndTheTurnsHold() {
        Scenario after = restore();
        after.refused(new Command.Join("Bob2", "m-Bob", "Bob again", Role.PARTICIPANT, true), ErrorCode.FORBIDDEN);
        after.refused(new Command.Join("N", "m-N", "Newcomer", Role.PARTICIPANT, true), ErrorCode.LOCKED);
        assertTrue(after.session.view().locked());
        assertEquals(Mode.MODERATED, after.session.view().mode());
        assertEquals(List.of("B", "C"), after.session.handQueue());
        assertEquals("A", after.session.floorHolder().orElseThrow());
    }

    @Test
    void theFacilitatorAndAnAdmittedMemberComeBackInTheirPlaces() {
        Scenario after = restore();
        after.ok(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        assertEquals(Status.ADMITTED, after.status("F"));
        assertTrue(after.to("F", Event.SessionStateChanged.class).contains(new Event.SessionStateChanged(SessionState.LIVE, true)),
                "the facilitator's picture says the session is locked");
        assertTrue(after.effects(Effect.StateChanged.class).isEmpty(), "and nothing rewrites the schedule's lock");
        after.ok(new Command.Resumed("A"));
        assertEquals(Status.ADMITTED, after.status("A"), "admitted, past the lock, without waiting again");
        assertEquals(List.of(new Event.FloorChanged("A", before.session.save().floor().endsAt())), after.to("A", Event.FloorChanged.class));
        assertEquals(Status.WAITING, after.status("W"), "the waiting stay waiting");
    }

    @Test
    void whoeverDoesNotComeBackLeftWhenTheServerWasLastAlive() {
        Scenario after = restore();
        after.ok(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        after.later(61).ok(new Command.GraceExpired("B"));
        assertEquals(Status.LEFT, after.status("B"));
        AttendanceRow row = after.effects(Effect.AttendanceChanged.class).stream().map(Effect.AttendanceChanged::row)
                .filter(r -> r.participant().equals("B")).findFirst().orElseThrow();
        assertEquals(crash, row.leftAt(), "not the restart, nor the end of the grace period");
        assertEquals("left", row.outcome());
        assertEquals(List.of("C"), after.session.handQueue(), "their hand goes with them");

        after.ok(new Command.GraceExpired("F"));
        assertEquals(Status.ADMITTED, after.status("F"), "the facilitator came back: their timer is stale");
    }

    @Test
    void aPersonWhoDroppedBeforeTheCrashLeftWhenTheyDropped() {
        Scenario s = SavingTest.busy();
        Instant dropped = s.now;
        s.ok(new Command.Disconnected("C"));
        Scenario after = new Scenario(LiveSession.restore(s.session.save()));
        after.now = dropped.plusSeconds(40);
        after.ok(new Command.Restarted(dropped.plusSeconds(30)));
        after.later(60).ok(new Command.GraceExpired("C"));
        AttendanceRow row = after.effects(Effect.AttendanceChanged.class).get(0).row();
        assertEquals(dropped, row.leftAt());
    }

    @Test
    void anEndedSessionHasNothingToRecover() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.End("F"));
        s.later(100).ok(new Command.Restarted(Scenario.T0));
        assertTrue(s.last.effects().isEmpty());
    }

    @Test
    void aNormalDropStillEndsWhenTheGracePeriodDoes() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("A"));
        s.later(60).ok(new Command.GraceExpired("A"));
        assertEquals(Scenario.T0.plusSeconds(60), s.effects(Effect.AttendanceChanged.class).get(0).row().leftAt());
        assertNull(s.session.save().people().get(1).lostAt());
    }
}
