package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** v1.1 screen sharing: facilitators at any time, anyone else while they hold the floor, and only so long. */
class ScreenShareTest {

    private static boolean screenInRoster(Scenario s, String viewer, String sharer) {
        List<Event.Roster> rosters = s.to(viewer, Event.Roster.class);
        assertFalse(rosters.isEmpty(), "the roster was told again");
        return rosters.get(rosters.size() - 1).participants().stream().filter(p -> p.id().equals(sharer)).findFirst().orElseThrow().screen();
    }

    @Test
    void aFacilitatorSharesAtAnyTimeAndEveryoneSeesItInTheRoster() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.ShareScreen("F", true));
        assertTrue(screenInRoster(s, "A", "F"));
        assertTrue(screenInRoster(s, "B", "F"));
        assertTrue(screenInRoster(s, "F", "F"));
        assertEquals(List.of(new Effect.ScreenAccess("F", true)), s.effects(Effect.ScreenAccess.class));
        assertTrue(s.session.sharingScreen("F"));
        s.ok(new Command.ShareScreen("F", false));
        assertFalse(screenInRoster(s, "A", "F"));
        assertEquals(List.of(new Effect.ScreenAccess("F", false)), s.effects(Effect.ScreenAccess.class));
    }

    @Test
    void sharingAgainChangesNothingAndTellsNobody() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.ShareScreen("F", true));
        s.ok(new Command.ShareScreen("F", true));
        assertTrue(s.last.deliveries().isEmpty());
        assertTrue(s.effects(Effect.ScreenAccess.class).isEmpty());
    }

    @Test
    void aParticipantWithoutTheFloorIsRefusedAndNothingChanges() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.refused(new Command.ShareScreen("A", true), ErrorCode.NOT_YOUR_TURN);
        s.ok(new Command.GrantFloor("F", "B", null));
        s.refused(new Command.ShareScreen("A", true), ErrorCode.NOT_YOUR_TURN);
        assertFalse(s.session.sharingScreen("A"));
    }

    @Test
    void aWaitingPersonCannotShare() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.refused(new Command.ShareScreen("W", true), ErrorCode.NOT_ADMITTED);
    }

    @Test
    void theFloorHolderSharesAndStopsWhenever() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.GrantFloor("F", "A", 60));
        s.ok(new Command.ShareScreen("A", true));
        assertTrue(screenInRoster(s, "B", "A"));
        s.ok(new Command.ShareScreen("A", false));
        assertFalse(screenInRoster(s, "B", "A"));
        assertFalse(s.session.sharingScreen("A"));
    }

    @Test
    void stoppingIsAlwaysAllowedEvenWithoutTheFloor() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.ShareScreen("A", false));
        assertTrue(s.last.deliveries().isEmpty(), "nothing was shared, nothing to tell");
    }

    /** Every way the floor leaves its holder ends their share, and the media port hears it. */
    @Test
    void losingTheFloorEndsTheShareWhicheverWayItGoes() {
        List<java.util.function.Consumer<Scenario>> losses = List.of(
                s -> s.ok(new Command.RevokeFloor("F")),
                s -> s.ok(new Command.YieldFloor("A")),
                s -> s.ok(new Command.GrantFloor("F", "B", null)),
                s -> s.ok(new Command.Leave("A")),
                s -> s.ok(new Command.Remove("F", "A", "reason")),
                s -> s.ok(new Command.SendToWaiting("F", "A", null)));
        for (var loss : losses) {
            Scenario s = Scenario.withFacilitator().admitted("A", "B");
            s.ok(new Command.GrantFloor("F", "A", null));
            s.ok(new Command.ShareScreen("A", true));
            loss.accept(s);
            assertFalse(s.session.sharingScreen("A"));
            assertEquals(List.of(new Effect.ScreenAccess("A", false)), s.effects(Effect.ScreenAccess.class));
            List<Event.Roster> rosters = s.to("B", Event.Roster.class);
            assertTrue(rosters.get(rosters.size() - 1).participants().stream().noneMatch(p -> p.id().equals("A") && p.screen()), "B sees the share end");
        }
    }

    @Test
    void theRoundMovingOnEndsTheSpeakersShare() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.StartRound("F", List.of("A", "B"), null));
        s.ok(new Command.ShareScreen("A", true));
        s.ok(new Command.PassRound("A"));
        assertFalse(s.session.sharingScreen("A"));
        assertFalse(screenInRoster(s, "F", "A"));
        s.ok(new Command.ShareScreen("B", true));
        s.ok(new Command.NextInRound("F"));
        assertFalse(s.session.sharingScreen("B"), "the round ran out and took the floor with it");
    }

    @Test
    void theFloorTimerRunningOutDoesNotEndTheShare() {
        // Time up is a cue to finish, not the floor taken back: the share goes on until the facilitator moves the floor.
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.GrantFloor("F", "A", 30));
        s.ok(new Command.ShareScreen("A", true));
        s.later(30).ok(new Command.FloorTimeUp("A", Scenario.T0.plusSeconds(30)));
        assertTrue(s.session.sharingScreen("A"));
    }

    @Test
    void theSessionEndingEndsEveryShare() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.ShareScreen("F", true));
        s.ok(new Command.End("F"));
        assertFalse(s.session.sharingScreen("F"));
        assertEquals(List.of(new Effect.ScreenAccess("F", false)), s.effects(Effect.ScreenAccess.class));
    }

    @Test
    void aFacilitatorWhoLeavesStopsSharing() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Join("G", null, "Second facilitator", Role.FACILITATOR, true));
        s.ok(new Command.ShareScreen("G", true));
        assertTrue(screenInRoster(s, "A", "G"));
        s.ok(new Command.Leave("G"));
        assertFalse(s.session.sharingScreen("G"));
        assertEquals(List.of(new Effect.ScreenAccess("G", false)), s.effects(Effect.ScreenAccess.class));
    }
}
