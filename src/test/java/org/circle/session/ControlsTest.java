package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlsTest {

    @Test
    void muteTellsEveryoneAndGatesTheAudio() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.SelfMedia("A", true, true));
        assertEquals(List.of(new Effect.MediaAccess("A", true, true)), s.effects(Effect.MediaAccess.class));
        s.ok(new Command.Mute("F", "A"));
        for (String id : List.of("F", "A", "B")) assertTrue(s.to(id).contains(new Event.Muted("A", "F")));
        assertTrue(s.to("W").isEmpty());
        assertEquals(List.of(new Effect.MediaAccess("A", true, false)), s.effects(Effect.MediaAccess.class));
        s.ok(new Command.SelfMedia("A", true, null));
        assertEquals(List.of(new Effect.MediaAccess("A", true, true)), s.effects(Effect.MediaAccess.class), "open mode: they may unmute");
        s.refused(new Command.Mute("F", "W"), ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void muteAllSparesTheFacilitators() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.SelfMedia("F", true, null));
        s.ok(new Command.MuteAll("F"));
        assertEquals(List.of(new Event.Muted("A", "F"), new Event.Muted("B", "F")), s.to("B", Event.Muted.class));
        assertTrue(s.session.participant("F").orElseThrow().audio());
    }

    @Test
    void askingToUnmuteReachesOnlyThatPerson() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.RequestUnmute("F", "A"));
        assertEquals(List.of(new Event.UnmuteRequested("F")), s.to("A"));
        assertTrue(s.to("B").isEmpty());
    }

    @Test
    void inModeratedModeOnlyTheFloorHolderAndFacilitatorsSpeak() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.SelfMedia("A", true, null));
        s.ok(new Command.SetMode("F", "moderated"));
        assertTrue(s.to("B").contains(new Event.ModeChanged(Mode.MODERATED)));
        assertTrue(s.to("B").contains(new Event.Muted("A", "F")), "switching mutes whoever is speaking");
        s.refused(new Command.SelfMedia("A", true, null), ErrorCode.NOT_YOUR_TURN);
        s.ok(new Command.SelfMedia("A", false, true));
        s.ok(new Command.SelfMedia("F", true, null));
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.SelfMedia("A", true, null));
        s.ok(new Command.GrantFloor("F", "B", null));
        assertTrue(s.to("B").contains(new Event.Muted("A", null)), "losing the floor mutes");
        s.ok(new Command.SetMode("F", "open"));
        s.ok(new Command.SelfMedia("A", true, null));
        s.refused(new Command.SetMode("F", "chaos"), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void messagesToTheWaitingRoom() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W").waiting("V");
        s.ok(new Command.MessageWaiting("F", "We start in five minutes", null));
        assertEquals(List.of(new Event.Waiting("We start in five minutes")), s.to("W"));
        assertEquals(List.of(new Event.Waiting("We start in five minutes")), s.to("V"));
        assertTrue(s.to("A").isEmpty());
        s.ok(new Command.MessageWaiting("F", "Just you", "W"));
        assertTrue(s.to("V").isEmpty());
        s.refused(new Command.MessageWaiting("F", "x", "A"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.MessageWaiting("F", " ", null), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.MessageWaiting("F", "x".repeat(501), null), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void signalsPassOnlyBetweenAdmittedPeople() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        String before = s.session.snapshot();
        s.ok(new Command.Signal("A", "B", "{\"sdp\":\"x\"}"));
        assertEquals(List.of(new Event.SignalRelayed("A", "{\"sdp\":\"x\"}")), s.to("B"));
        assertEquals(before, s.session.snapshot(), "a signal changes no shared state, so it may skip the full comparison");
        assertTrue(s.last.effects().isEmpty());
        assertTrue(s.to("F").isEmpty());
        s.refused(new Command.Signal("W", "A", "{}"), ErrorCode.NOT_ADMITTED);
        s.refused(new Command.Signal("A", "W", "{}"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.Signal("A", "ghost", "{}"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.Signal("A", "A", "{}"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.Signal("A", "B", " "), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void selfMediaNeedsSomethingToSay() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.refused(new Command.SelfMedia("A", null, null), ErrorCode.BAD_MESSAGE);
        s.ok(new Command.SelfMedia("A", false, true));
        assertTrue(s.to("F", Event.Roster.class).get(0).participants().get(1).video());
    }
}
