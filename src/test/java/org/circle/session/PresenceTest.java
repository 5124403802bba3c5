package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v1.1 facilitator presence and the grace period. */
class PresenceTest {

    private static Effect.Watch onlyWatch(Scenario s, WatchKind kind) {
        List<Effect.Watch> watches = s.effects(Effect.Watch.class).stream().filter(w -> w.kind() == kind).toList();
        assertEquals(1, watches.size(), "one " + kind + " watch: " + s.last.effects());
        return watches.get(0);
    }

    @Test
    void admittedPeopleAreToldWhetherAFacilitatorIsThere() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        assertEquals(List.of(new Event.SessionStateChanged(SessionState.LIVE, false, false)), s.to("A", Event.SessionStateChanged.class));
        Effect.Watch w = onlyWatch(s, WatchKind.FACILITATOR_GRACE);
        assertEquals(s.now, w.since());
        s.later(5).ok(new Command.Resumed("F"));
        assertEquals(List.of(new Event.SessionStateChanged(SessionState.LIVE, false, true)), s.to("A", Event.SessionStateChanged.class));
    }

    @Test
    void afterTheGraceWithNoFacilitatorEveryoneAdmittedWaitsAgainToldWhy() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.RaiseHand("B"));
        s.ok(new Command.SelfMedia("A", true, true));
        s.ok(new Command.Disconnected("F"));
        Instant since = onlyWatch(s, WatchKind.FACILITATOR_GRACE).since();
        s.later(120).ok(new Command.WatchOver(WatchKind.FACILITATOR_GRACE, null, since));

        assertEquals(Status.WAITING, s.status("A"));
        assertEquals(Status.WAITING, s.status("B"));
        assertEquals(Status.WAITING, s.status("W"));
        assertEquals(List.of(new Event.Waiting(Presence.UNATTENDED)), s.to("A"));
        assertTrue(s.session.floorHolder().isEmpty(), "nobody keeps the floor in an empty room");
        assertEquals(List.of(), s.session.handQueue());
        assertFalse(s.session.participant("A").orElseThrow().audio(), "their microphone is off");
        assertEquals(Status.ADMITTED, s.status("F"), "the facilitator keeps their place to come back to");

        s.later(10).ok(new Command.Resumed("F"));
        assertEquals(3, s.to("F", Event.WaitingList.class).get(0).waiting().size(), "the facilitator sees everyone waiting");
        s.ok(new Command.Admit("F", "A"));
        assertEquals(Status.ADMITTED, s.status("A"), "and admits them again as usual");
    }

    @Test
    void aFacilitatorWhoCameBackInTimeEndsTheWatchEvenIfTheyGoAgain() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        Instant first = onlyWatch(s, WatchKind.FACILITATOR_GRACE).since();
        s.later(60).ok(new Command.Resumed("F"));
        s.later(30).ok(new Command.Disconnected("F"));
        Instant second = onlyWatch(s, WatchKind.FACILITATOR_GRACE).since();
        s.later(30).ok(new Command.WatchOver(WatchKind.FACILITATOR_GRACE, null, first));
        assertEquals(Status.ADMITTED, s.status("A"), "the first absence was over");
        assertTrue(s.last.deliveries().isEmpty());
        s.later(90).ok(new Command.WatchOver(WatchKind.FACILITATOR_GRACE, null, second));
        assertEquals(Status.WAITING, s.status("A"));
    }

    @Test
    void aSecondFacilitatorStillConnectedKeepsTheRoomOpen() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.Disconnected("F"));
        assertTrue(s.effects(Effect.Watch.class).isEmpty());
        s.ok(new Command.Leave("G"));
        Instant since = onlyWatch(s, WatchKind.FACILITATOR_GRACE).since();
        assertEquals(List.of(new Event.SessionStateChanged(SessionState.LIVE, false, false)), s.to("A", Event.SessionStateChanged.class));
        s.later(120).ok(new Command.WatchOver(WatchKind.FACILITATOR_GRACE, null, since));
        assertEquals(Status.WAITING, s.status("A"));
    }

    @Test
    void aSessionNoFacilitatorHasOpenedWatchesNothing() {
        Scenario s = new Scenario().waiting("W");
        assertTrue(s.effects(Effect.Watch.class).isEmpty());
    }

    @Test
    void theAbsenceSurvivesARestartAndItsWatchIsSetAgain() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        Instant since = onlyWatch(s, WatchKind.FACILITATOR_GRACE).since();
        Scenario after = new Scenario(LiveSession.restore(s.session.save()));
        after.now = s.now.plusSeconds(30);
        after.ok(new Command.Restarted(s.now));
        assertEquals(since, onlyWatch(after, WatchKind.FACILITATOR_GRACE).since(), "the grace counts from when they went");
        after.later(90).ok(new Command.WatchOver(WatchKind.FACILITATOR_GRACE, null, since));
        assertEquals(Status.WAITING, after.status("A"));
    }

    @Test
    void aRestartWithTheFacilitatorThereStartsTheGrace() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        Scenario after = new Scenario(LiveSession.restore(s.session.save()));
        after.ok(new Command.Restarted(s.now));
        assertEquals(after.now, onlyWatch(after, WatchKind.FACILITATOR_GRACE).since());
    }

    @Test
    void theWatchesSurviveSaving() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        LiveSession back = LiveSession.restore(s.session.save());
        assertEquals(s.session.snapshot(), back.snapshot());
        assertEquals(s.session.save(), back.save());
    }
}
