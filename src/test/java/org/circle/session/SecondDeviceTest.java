package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member's invitation link opened on another device while they are admitted: the ticket proves
 * only the link, so the new device waits like any arrival, and the facilitators see whose it is.
 */
class SecondDeviceTest {

    /** A is admitted; "A2" is the same member (m-A) arriving with a fresh ticket on another device. */
    static Scenario withSecondDevice() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.later(10).ok(new Command.Join("A2", "m-A", "Phone", Role.PARTICIPANT, true, "Alex"));
        return s;
    }

    @Test
    void aSecondDeviceWaitsAndTheFirstStaysAsItIs() {
        Scenario s = withSecondDevice();
        assertEquals(new Reply.Joined("A2", Status.WAITING), s.last.reply().orElseThrow(), "it is a person of its own, waiting");
        assertEquals(List.of(new Event.Waiting(null)), s.to("A2"), "it learns only that it waits: no roster, no welcome in");
        assertEquals(Status.WAITING, s.status("A2"));
        assertEquals(Status.ADMITTED, s.status("A"), "the first device is not touched");
        assertTrue(s.effects(Effect.CloseConnection.class).isEmpty(), "nobody is closed yet");
        assertTrue(s.to("A").isEmpty() && s.to("B").isEmpty(), "the room hears nothing of it");
    }

    @Test
    void theFacilitatorSeesItIsASecondDeviceOfThatMember() {
        Scenario s = withSecondDevice();
        Event.WaitingEntry entry = s.to("F", Event.WaitingList.class).get(0).waiting().get(0);
        assertEquals("A2", entry.id());
        assertEquals("A", entry.alsoAdmitted(), "names the device that is admitted");
        assertEquals("Alex", entry.memberName());
        Scenario plain = Scenario.withFacilitator().waiting("W");
        assertNull(plain.to("F", Event.WaitingList.class).get(0).waiting().get(0).alsoAdmitted(), "an ordinary arrival is no second device");
    }

    @Test
    void admittingTheSecondDeviceReplacesTheFirst() {
        Scenario s = withSecondDevice();
        s.ok(new Command.RaiseHand("A"));
        s.later(5).ok(new Command.Admit("F", "A2"));
        assertEquals(Status.ADMITTED, s.status("A2"));
        assertEquals(Status.LEFT, s.status("A"), "one member, one device in the room");
        assertEquals(List.of(new Effect.CloseConnection("A", CloseCode.REPLACED, "replaced by your other device")),
                s.effects(Effect.CloseConnection.class));
        assertTrue(s.session.handQueue().isEmpty(), "the old device's hand goes with it");
        var roster = s.to("B", Event.Roster.class).get(0).participants();
        assertTrue(roster.stream().anyMatch(p -> p.id().equals("A2")) && roster.stream().noneMatch(p -> p.id().equals("A")));
        assertTrue(s.to("F", Event.WaitingList.class).get(0).waiting().isEmpty());
        s.refused(new Command.Resumed("A"), ErrorCode.FORBIDDEN);
        // The member's device is now the second: a third arrival is a second device of it.
        s.ok(new Command.Join("A3", "m-A", "Laptop", Role.PARTICIPANT, true));
        assertEquals("A2", s.to("F", Event.WaitingList.class).get(0).waiting().get(0).alsoAdmitted());
    }

    @Test
    void denyingTheSecondDeviceLeavesTheFirstInTheRoom() {
        Scenario s = withSecondDevice();
        s.ok(new Command.Deny("F", "A2", null));
        assertEquals(Status.DENIED, s.status("A2"));
        assertEquals(Status.ADMITTED, s.status("A"));
        assertEquals(List.of(new Effect.CloseConnection("A2", CloseCode.DENIED, "denied")), s.effects(Effect.CloseConnection.class));
    }

    @Test
    void aResumeTokenStillGoesStraightBack() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("A"));
        s.later(20).ok(new Command.Resumed("A"));
        assertEquals(Status.ADMITTED, s.status("A"));
        assertTrue(s.to("A").stream().anyMatch(e -> e instanceof Event.Roster));
    }

    @Test
    void aFreshTicketWhileTheAdmittedDeviceIsAwayWaitsToo() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("A"));
        s.later(5).ok(new Command.Join("A2", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("A2"), "only a resume token proves it is the same device");
        assertEquals("A", s.to("F", Event.WaitingList.class).get(0).waiting().get(0).alsoAdmitted());
    }

    @Test
    void aNewerSecondDeviceTakesOverTheWaitingOne() {
        Scenario s = withSecondDevice();
        s.ok(new Command.Join("A3", "m-A", "Tablet", Role.PARTICIPANT, true));
        assertEquals(new Reply.Joined("A2", Status.WAITING), s.last.reply().orElseThrow(), "one waiting place for the member's other device");
        assertEquals(1, s.session.participants().stream().filter(p -> p.status() == Status.WAITING).count());
    }

    @Test
    void admitAllLeavesSecondDevicesToTheFacilitator() {
        Scenario s = withSecondDevice().waiting("C");
        s.ok(new Command.AdmitAll("F"));
        assertEquals(new Reply.LeftWaiting(List.of("A2")), s.last.reply().orElseThrow());
        assertEquals(Status.ADMITTED, s.status("A"));
        assertEquals(Status.ADMITTED, s.status("C"));
    }

    @Test
    void aSecondDevicePassesTheLockIntoTheWaitingRoomOnly() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Lock("F", true));
        s.ok(new Command.Join("A2", "m-A", "Phone", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("A2"), "the member is in the session already, as after a reload");
    }

    @Test
    void removingTheMemberTakesTheirWaitingDeviceToo() {
        Scenario s = withSecondDevice();
        s.ok(new Command.Remove("F", "A", null));
        assertEquals(Status.REMOVED, s.status("A2"));
        assertTrue(s.effects(Effect.CloseConnection.class).contains(new Effect.CloseConnection("A2", CloseCode.REMOVED, "removed")));
        s.refused(new Command.Admit("F", "A2"), ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void aRevokedMembershipClosesEveryDevice() {
        Scenario s = withSecondDevice();
        s.ok(new Command.MembershipRevoked("m-A"));
        assertEquals(Status.REMOVED, s.status("A"));
        assertEquals(Status.REMOVED, s.status("A2"));
        assertEquals(2, s.effects(Effect.CloseConnection.class).size());
    }

    @Test
    void withdrawnConsentReachesEveryDevice() {
        Scenario s = withSecondDevice();
        s.ok(new Command.ConsentStatus("m-A", false));
        assertEquals(Status.WAITING, s.status("A"));
        s.refused(new Command.Admit("F", "A2"), ErrorCode.CONSENT_INCOMPLETE);
    }

    @Test
    void theSecondDeviceSurvivesASaveAndRestore() {
        Scenario s = withSecondDevice();
        SavedSession saved = SavingTest.throughBytes(s.session.save());
        LiveSession restored = LiveSession.restore(saved);
        assertEquals(s.session.snapshot(), restored.snapshot());
        Scenario after = new Scenario(restored);
        after.now = s.now;
        // Restored, the member's device is still the admitted one: a newer arrival takes over the waiting second.
        after.ok(new Command.Join("A3", "m-A", "Tablet", Role.PARTICIPANT, true));
        assertEquals(new Reply.Joined("A2", Status.WAITING), after.last.reply().orElseThrow());
        after.ok(new Command.Admit("F", "A2"));
        assertEquals(Status.LEFT, after.status("A"));
        LiveSession again = LiveSession.restore(SavingTest.throughBytes(after.session.save()));
        assertEquals(after.session.snapshot(), again.snapshot());
        Scenario later = new Scenario(again);
        later.now = after.now;
        later.ok(new Command.Join("A4", "m-A", "Laptop", Role.PARTICIPANT, true));
        assertEquals("A2", later.to("F", Event.WaitingList.class).get(0).waiting().get(0).alsoAdmitted(),
                "after a restore the admitted second device is the member's device");
    }
}
