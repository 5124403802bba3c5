package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may be heard: a waiting person never, and in moderated mode only facilitators and whoever
 * holds the floor. Every way of losing the floor mutes, so "muted" on the roster is never a lie.
 */
class SpeakingTest {

    private static boolean audio(Scenario s, String id) { return s.session.participant(id).orElseThrow().audio(); }

    private static boolean video(Scenario s, String id) { return s.session.participant(id).orElseThrow().video(); }

    /** The session with A holding the floor, unmuted, in moderated mode; B admitted; W waiting. */
    private static Scenario speaking() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.SelfMedia("A", true, true));
        assertTrue(audio(s, "A"));
        return s;
    }

    private static void assertMutedByTheFloor(Scenario s, String id) {
        assertFalse(audio(s, id));
        for (String to : List.of("F", "A", "B")) assertTrue(s.to(to).contains(new Event.Muted(id, null)), to + " is told");
        assertTrue(s.to("W").isEmpty(), "the waiting room hears nothing of it");
        assertTrue(s.to("F", Event.Roster.class).get(0).participants().stream().anyMatch(p -> p.id().equals(id) && !p.audio()));
    }

    @Test
    void aWaitingPersonCannotTurnTheirMicrophoneOrCameraOn() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.refused(new Command.SelfMedia("W", true, null), ErrorCode.NOT_ADMITTED);
        s.refused(new Command.SelfMedia("W", null, true), ErrorCode.NOT_ADMITTED);
        s.refused(new Command.SelfMedia("W", false, true), ErrorCode.NOT_ADMITTED);
        s.ok(new Command.SelfMedia("W", false, false));
        assertTrue(s.last.deliveries().isEmpty(), "turning off what is off tells nobody anything");
    }

    @Test
    void inModeratedModeAnAdmittedPersonArrivesMutedAndStaysMutedWithoutTheFloor() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.ok(new Command.SetMode("F", "moderated"));
        s.refused(new Command.SelfMedia("W", true, null), ErrorCode.NOT_ADMITTED);
        s.ok(new Command.Admit("F", "W"));
        assertFalse(s.to("W", Event.Roster.class).get(0).participants().get(1).audio(), "the roster W is given says muted");
        s.refused(new Command.SelfMedia("W", true, true), ErrorCode.NOT_YOUR_TURN);
        assertFalse(video(s, "W"), "a refused frame changes nothing, not even the camera it also asked for");
        s.ok(new Command.SelfMedia("W", null, true));
        assertTrue(video(s, "W"), "the camera is the person's own choice in any mode");
    }

    @Test
    void someoneWhoLeftAndComesBackWaitsMutedWhateverTheyHadBefore() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.SelfMedia("A", true, true));
        s.ok(new Command.Leave("A"));
        s.ok(new Command.Join("A", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("A"));
        assertFalse(audio(s, "A") || video(s, "A"));
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.Admit("F", "A"));
        assertFalse(audio(s, "A"), "admitted into a moderated session, muted");
    }

    @Test
    void aReloadKeepsWhatTheServerKnewAndDoesNotUnmute() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.SelfMedia("A", null, false));
        s.ok(new Command.Disconnected("A"));
        s.ok(new Command.Join("A", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(Status.ADMITTED, s.status("A"), "a reload within the grace period keeps the place");
        var me = s.to("A", Event.Roster.class).get(0).participants().stream().filter(p -> p.id().equals("A")).findFirst().orElseThrow();
        assertFalse(me.audio() || me.video(), "the picture the reloaded page gets says what the server believes");
        s.refused(new Command.SelfMedia("A", true, null), ErrorCode.NOT_YOUR_TURN);
    }

    @Test
    void revokingTheFloorMutesTheSpeaker() {
        Scenario s = speaking();
        s.ok(new Command.RevokeFloor("F"));
        assertMutedByTheFloor(s, "A");
        s.refused(new Command.SelfMedia("A", true, null), ErrorCode.NOT_YOUR_TURN);
    }

    @Test
    void givingTheFloorToSomeoneElseMutesTheSpeaker() {
        Scenario s = speaking();
        s.ok(new Command.GrantFloor("F", "B", null));
        assertMutedByTheFloor(s, "A");
        s.ok(new Command.SelfMedia("B", true, null));
        assertTrue(audio(s, "B"));
    }

    @Test
    void yieldingTheFloorMutesTheOneWhoYields() {
        Scenario s = speaking();
        s.ok(new Command.YieldFloor("A"));
        assertMutedByTheFloor(s, "A");
    }

    @Test
    void inARoundEachWayOfMovingOnMutesThePreviousSpeaker() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C").waiting("W");
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.StartRound("F", List.of("A", "B", "C"), null));
        s.ok(new Command.SelfMedia("A", true, null));
        s.ok(new Command.PassRound("A"));
        assertMutedByTheFloor(s, "A");
        s.ok(new Command.SelfMedia("B", true, null));
        s.ok(new Command.NextInRound("F"));
        assertMutedByTheFloor(s, "B");
        s.ok(new Command.SelfMedia("C", true, null));
        s.ok(new Command.StopRound("F"));
        assertMutedByTheFloor(s, "C");
        assertTrue(s.session.floorHolder().isEmpty());
    }

    @Test
    void theLastPersonInARoundIsMutedWhenTheRoundRunsOut() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.StartRound("F", List.of("A"), null));
        s.ok(new Command.SelfMedia("A", true, null));
        s.ok(new Command.YieldFloor("A"));
        assertMutedByTheFloor(s, "A");
        assertTrue(s.session.roundCurrent().isEmpty());
    }

    @Test
    void losingTheFloorAlreadyMutedOrAsAFacilitatorSaysNothing() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.SetMode("F", "moderated"));
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.RevokeFloor("F"));
        assertTrue(s.to("B", Event.Muted.class).isEmpty(), "A was never unmuted: no muted event");
        s.ok(new Command.SelfMedia("F", true, null));
        s.ok(new Command.GrantFloor("F", "F", null));
        s.ok(new Command.GrantFloor("F", "B", null));
        assertTrue(audio(s, "F"), "facilitators may always speak");
        assertTrue(s.to("B", Event.Muted.class).isEmpty());
    }

    @Test
    void inOpenModeLosingTheFloorDoesNotMute() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.SelfMedia("A", true, null));
        s.ok(new Command.RevokeFloor("F"));
        s.ok(new Command.StartRound("F", null, null));
        s.ok(new Command.NextInRound("F"));
        s.ok(new Command.StopRound("F"));
        assertTrue(audio(s, "A"));
    }

    @Test
    void stoppingNoRoundAndRevokingNoFloorChangeNothing() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.SetMode("F", "moderated"));
        String before = s.session.snapshot();
        s.ok(new Command.StopRound("F"));
        s.ok(new Command.RevokeFloor("F"));
        assertEquals(before, s.session.snapshot());
        assertTrue(s.last.deliveries().isEmpty());
    }

    @Test
    void theMediaGateFollowsTheFloor() {
        Scenario s = speaking();
        s.ok(new Command.RevokeFloor("F"));
        assertEquals(List.of(new Effect.MediaAccess("A", true, false)), s.effects(Effect.MediaAccess.class),
                "an SFU stops forwarding the audio of whoever lost the floor");
    }
}
