package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the group requires a check-in, nobody is admitted without one; facilitators see in the
 * waiting list who has checked in and who is somewhere private, and nobody else learns of it.
 */
class CheckInGateTest {

    private static final CheckInNote PRIVATE = new CheckInNote("Home", "+44 7700 900001", null, true);

    private static Event.WaitingEntry entry(Scenario s, String id) {
        return Broadcasts.waitingList(s.session).waiting().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRequiredCheckInGatesAdmission() {
        Scenario s = Scenario.withFacilitator();
        s.ok(new Command.CheckInPolicy(true));
        s.waiting("A");
        s.refused(new Command.Admit("F", "A"), ErrorCode.CHECK_IN_MISSING);
        s.ok(new Command.CheckedIn("m-A", PRIVATE));
        s.ok(new Command.Admit("F", "A"));
        assertEquals(Status.ADMITTED, s.status("A"));
    }

    @Test
    void consentIsAskedFirst() {
        Scenario s = Scenario.withFacilitator();
        s.ok(new Command.CheckInPolicy(true));
        s.waiting("A", false);
        s.refused(new Command.Admit("F", "A"), ErrorCode.CONSENT_INCOMPLETE);
    }

    @Test
    void withoutTheRequirementNobodyNeedsOne() {
        Scenario s = Scenario.withFacilitator().waiting("A");
        s.ok(new Command.Admit("F", "A"));
        s.ok(new Command.CheckInPolicy(true));
        assertEquals(Status.ADMITTED, s.status("A"), "the gate is for admission: nobody inside is sent back");
        s.ok(new Command.CheckInPolicy(false));
        s.waiting("B");
        s.ok(new Command.Admit("F", "B"));
    }

    @Test
    void admitAllLeavesThoseWithoutACheckInWaiting() {
        Scenario s = Scenario.withFacilitator();
        s.ok(new Command.CheckInPolicy(true));
        s.ok(new Command.CheckedIn("m-A", PRIVATE));
        s.waiting("A").waiting("B");
        s.ok(new Command.AdmitAll("F"));
        assertEquals(new Reply.LeftWaiting(List.of("B")), s.last.reply().orElseThrow());
        assertEquals(Status.ADMITTED, s.status("A"));
        assertEquals(Status.WAITING, s.status("B"));
    }

    @Test
    void theWaitingListShowsCheckInAndPrivacyToFacilitatorsAsTheyChange() {
        Scenario s = Scenario.withFacilitator().admitted("X").waiting("A");
        assertFalse(entry(s, "A").checkedIn());
        s.ok(new Command.CheckedIn("m-A", PRIVATE));
        Event.WaitingList told = s.to("F", Event.WaitingList.class).get(0);
        assertTrue(told.waiting().get(0).checkedIn() && told.waiting().get(0).privateSpace(), "a check-in made while waiting shows at once");
        assertTrue(s.to("X").isEmpty() && s.to("A").isEmpty(), "nobody else hears of it");
        s.ok(new Command.CheckedIn("m-A", new CheckInNote("Bus", "+44 7700 900001", null, false)));
        assertFalse(s.to("F", Event.WaitingList.class).get(0).waiting().get(0).privateSpace(), "the newer check-in counts");
    }
}
