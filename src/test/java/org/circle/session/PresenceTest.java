package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v1.1 facilitator presence and grace, and the follow-up on a participant who dropped. */
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
    void aRestartWithTheFacilitatorThereStartsTheGraceAndADropWatchForEachParticipant() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        Scenario after = new Scenario(LiveSession.restore(s.session.save()));
        after.ok(new Command.Restarted(s.now));
        assertEquals(after.now, onlyWatch(after, WatchKind.FACILITATOR_GRACE).since());
        Effect.Watch drop = onlyWatch(after, WatchKind.DROP_FOLLOW_UP);
        assertEquals("A", drop.participant());
    }

    @Test
    void aParticipantWhoDropsAndDoesNotComeBackIsReportedToFacilitatorsOnly() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.Disconnected("A"));
        Effect.Watch w = onlyWatch(s, WatchKind.DROP_FOLLOW_UP);
        assertEquals("A", w.participant());
        s.later(60).ok(new Command.GraceExpired("A"));
        s.ok(new Command.WatchOver(WatchKind.DROP_FOLLOW_UP, "A", w.since()));
        assertEquals(List.of(new Event.ParticipantDropped("A", "m-A", "Person-A", null, w.since())), s.to("F", Event.ParticipantDropped.class));
        assertTrue(s.to("B").isEmpty(), "other participants hear nothing of it");
    }

    @Test
    void aParticipantWhoCameBackIsNotReported() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("A"));
        Instant first = onlyWatch(s, WatchKind.DROP_FOLLOW_UP).since();
        s.later(20).ok(new Command.Resumed("A"));
        s.later(40).ok(new Command.WatchOver(WatchKind.DROP_FOLLOW_UP, "A", first));
        assertTrue(s.last.deliveries().isEmpty());
        s.ok(new Command.Disconnected("A"));
        Instant second = onlyWatch(s, WatchKind.DROP_FOLLOW_UP).since();
        s.later(10).ok(new Command.WatchOver(WatchKind.DROP_FOLLOW_UP, "A", first));
        assertTrue(s.last.deliveries().isEmpty(), "a stale watch of an earlier drop says nothing");
        s.later(50).ok(new Command.WatchOver(WatchKind.DROP_FOLLOW_UP, "A", second));
        assertEquals(1, s.to("F", Event.ParticipantDropped.class).size());
    }

    @Test
    void onlyAdmittedParticipantsAreWatchedAndARemovedOneIsNotReported() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        s.ok(new Command.Disconnected("W"));
        assertTrue(s.effects(Effect.Watch.class).isEmpty(), "a waiting person's drop is no follow-up");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.Disconnected("G"));
        assertTrue(s.effects(Effect.Watch.class).isEmpty(), "nor a facilitator's");
        s.ok(new Command.Disconnected("A"));
        Instant since = onlyWatch(s, WatchKind.DROP_FOLLOW_UP).since();
        s.ok(new Command.Remove("F", "A", null));
        s.later(60).ok(new Command.WatchOver(WatchKind.DROP_FOLLOW_UP, "A", since));
        assertTrue(s.last.deliveries().isEmpty());
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
