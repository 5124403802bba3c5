package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void aFacilitatorIsAdmittedOnArrivalAndTheSessionGoesLive() {
        Scenario s = new Scenario();
        assertEquals(SessionState.OPEN, s.session.view().state());
        s.ok(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        assertEquals(Status.ADMITTED, s.status("F"));
        assertEquals(SessionState.LIVE, s.session.view().state());
        assertTrue(s.to("F").stream().anyMatch(e -> e instanceof Event.Roster));
        assertEquals(List.of(new Effect.StateChanged(SessionState.LIVE, false)), s.effects(Effect.StateChanged.class));
    }

    @Test
    void aMemberWaitsAndLearnsOnlyThatTheyWait() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.waiting("W");
        assertEquals(List.of(new Event.Waiting(null)), s.to("W"));
        assertTrue(s.to("A").isEmpty(), "admitted people hear nothing of a waiting person");
        Event.WaitingList list = s.to("F", Event.WaitingList.class).get(0);
        assertEquals("W", list.waiting().get(0).id());
        assertTrue(list.waiting().get(0).consentComplete());
    }

    @Test
    void withoutAFacilitatorNobodyIsAdmitted() {
        Scenario s = new Scenario().waiting("A").later(600);
        assertEquals(Status.WAITING, s.status("A"));
        assertEquals(SessionState.OPEN, s.session.view().state());
    }

    @Test
    void admissionGivesTheWholePictureAndTellsTheOthers() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("B");
        s.ok(new Command.Admit("F", "B"));
        List<Event> toB = s.to("B");
        assertEquals(new Event.Admitted(), toB.get(0));
        assertTrue(toB.stream().anyMatch(e -> e instanceof Event.Roster r && r.participants().size() == 3));
        assertTrue(toB.stream().anyMatch(e -> e instanceof Event.Hands));
        assertTrue(toB.stream().anyMatch(e -> e instanceof Event.FloorChanged));
        assertTrue(toB.stream().anyMatch(e -> e instanceof Event.RoundChanged));
        assertTrue(toB.stream().anyMatch(e -> e instanceof Event.ModeChanged));
        assertEquals(1, s.to("A", Event.Roster.class).size(), "A gets the new roster");
        assertTrue(s.to("F", Event.WaitingList.class).get(0).waiting().isEmpty());
        assertEquals(List.of(new Effect.MediaAccess("B", true, false)), s.effects(Effect.MediaAccess.class));
    }

    @Test
    void incompleteConsentKeepsAPersonWaiting() {
        Scenario s = Scenario.withFacilitator().waiting("A", false);
        s.refused(new Command.Admit("F", "A"), ErrorCode.CONSENT_INCOMPLETE);
        s.ok(new Command.ConsentStatus("m-A", true));
        assertTrue(s.to("F", Event.WaitingList.class).get(0).waiting().get(0).consentComplete(), "the list updates");
        s.ok(new Command.Admit("F", "A"));
        assertEquals(Status.ADMITTED, s.status("A"));
    }

    @Test
    void admittingSomeoneWhoIsNotWaitingIsRefused() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.refused(new Command.Admit("F", "A"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.Admit("F", "nobody"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.Admit("F", ""), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void admitAllAdmitsThoseWithConsentAndNamesTheRest() {
        Scenario s = Scenario.withFacilitator().waiting("A").waiting("B", false).waiting("C");
        s.ok(new Command.AdmitAll("F"));
        assertEquals(Status.ADMITTED, s.status("A"));
        assertEquals(Status.WAITING, s.status("B"));
        assertEquals(Status.ADMITTED, s.status("C"));
        assertEquals(new Reply.LeftWaiting(List.of("B")), s.last.reply().orElseThrow());
    }

    @Test
    void denyTurnsAwayAWaitingPerson() {
        Scenario s = Scenario.withFacilitator().waiting("A");
        s.ok(new Command.Deny("F", "A", "This group is full today"));
        assertEquals(Status.DENIED, s.status("A"));
        assertEquals(List.of(new Event.Denied("This group is full today")), s.to("A"));
        assertEquals(List.of(new Effect.CloseConnection("A", CloseCode.DENIED, "denied")), s.effects(Effect.CloseConnection.class));
        s.refused(new Command.Deny("F", "A", null), ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void aRemovedMemberCannotComeBack() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.RaiseHand("A"));
        s.ok(new Command.Remove("F", "A", null));
        assertEquals(Status.REMOVED, s.status("A"));
        assertEquals(List.of(new Event.Removed(null)), s.to("A"));
        assertEquals(List.of(new Effect.CloseConnection("A", CloseCode.REMOVED, "removed")), s.effects(Effect.CloseConnection.class));
        assertTrue(s.to("B", Event.Roster.class).get(0).participants().stream().noneMatch(p -> p.id().equals("A")));
        assertTrue(s.session.handQueue().isEmpty(), "their hand goes with them");
        assertEquals(List.of(new Effect.MediaAccess("A", false, false)), s.effects(Effect.MediaAccess.class));
        s.refused(new Command.Join("A2", "m-A", "Again", Role.PARTICIPANT, true), ErrorCode.FORBIDDEN);
    }

    @Test
    void facilitatorsCannotBeRemovedAndWaitingPeopleAreDeniedNotRemoved() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.refused(new Command.Remove("F", "G", null), ErrorCode.FORBIDDEN);
        s.refused(new Command.Remove("F", "W", null), ErrorCode.UNKNOWN_PARTICIPANT);
    }

    @Test
    void aLockedSessionTakesNobodyNewButKeepsThoseAlreadyThere() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        s.ok(new Command.Lock("F", true));
        assertEquals(new Event.SessionStateChanged(SessionState.LIVE, true), s.to("A", Event.SessionStateChanged.class).get(0));
        assertEquals(List.of(new Effect.StateChanged(SessionState.LIVE, true)), s.effects(Effect.StateChanged.class));
        s.refused(new Command.Join("N", "m-N", "New", Role.PARTICIPANT, true), ErrorCode.LOCKED);
        s.ok(new Command.Join("W", "m-W", "Person-W", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("W"), "a waiting person reconnecting keeps their place");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.Lock("F", false));
        s.ok(new Command.Join("N", "m-N", "New", Role.PARTICIPANT, true));
    }

    @Test
    void endingReachesEveryoneAndClosesEverything() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        s.ok(new Command.GrantFloor("F", "A", null));
        s.later(30).ok(new Command.End("F"));
        assertEquals(SessionState.ENDED, s.session.view().state());
        for (String id : List.of("F", "A", "W")) assertEquals(List.of(new Event.SessionEnded()), s.to(id));
        assertEquals(3, s.effects(Effect.CloseConnection.class).stream().filter(c -> c.closeCode() == CloseCode.ENDED).count());
        assertTrue(s.effects(Effect.AttendanceChanged.class).stream().allMatch(a -> a.row().outcome().equals("ended")));
        assertEquals(30, s.effects(Effect.AttendanceChanged.class).stream().filter(a -> a.row().participant().equals("A"))
                .findFirst().orElseThrow().row().floorSeconds());
        s.refused(new Command.RaiseHand("A"), ErrorCode.SESSION_ENDED);
        s.refused(new Command.Admit("F", "W"), ErrorCode.SESSION_ENDED);
        s.refused(new Command.Join("N", "m-N", "New", Role.PARTICIPANT, true), ErrorCode.SESSION_ENDED);
    }

    @Test
    void leavingClosesAndAMemberWhoLeftWaitsAgain() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Leave("A"));
        assertEquals(Status.LEFT, s.status("A"));
        assertEquals(List.of(new Effect.CloseConnection("A", CloseCode.LEFT, "left")), s.effects(Effect.CloseConnection.class));
        s.later(5).ok(new Command.Join("A-new", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(new Reply.Joined("A", Status.WAITING), s.last.reply().orElseThrow(), "same participant id, back in the waiting room");
    }

    @Test
    void aDroppedConnectionKeepsItsPlaceForSixtySeconds() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.Disconnected("A"));
        var timer = s.effects(Effect.ScheduleTimer.class).get(0);
        assertEquals(Scenario.T0.plusSeconds(60), timer.at());
        assertFalse(s.to("B", Event.Roster.class).get(0).participants().stream().filter(p -> p.id().equals("A")).findFirst().orElseThrow().connected());
        s.later(30).ok(new Command.Resumed("A"));
        assertEquals(Status.ADMITTED, s.status("A"));
        assertTrue(s.to("A").stream().anyMatch(e -> e instanceof Event.Roster), "a resumed person gets the picture again");
        assertTrue(s.to("A", Event.Admitted.class).isEmpty());
        s.later(30).ok(timer.command());
        assertEquals(Status.ADMITTED, s.status("A"), "a stale timer changes nothing");
    }

    @Test
    void afterTheGraceAnAdmittedPersonHasLeft() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.RaiseHand("A"));
        s.ok(new Command.Disconnected("A"));
        var timer = s.effects(Effect.ScheduleTimer.class).get(0);
        s.later(60).ok(timer.command());
        assertEquals(Status.LEFT, s.status("A"));
        assertTrue(s.session.handQueue().isEmpty());
        s.refused(new Command.Resumed("A"), ErrorCode.FORBIDDEN);
        s.ok(new Command.Join("x", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("A"), "a new ticket puts them back in the waiting room");
    }

    @Test
    void withdrawingConsentMovesAnAdmittedMemberBackToWaiting() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.SelfMedia("A", true, true));
        s.ok(new Command.GrantFloor("F", "A", null));
        s.ok(new Command.ConsentStatus("m-A", false));
        assertEquals(Status.WAITING, s.status("A"));
        assertTrue(s.to("A").get(0) instanceof Event.Waiting);
        assertEquals(List.of(new Effect.MediaAccess("A", false, false)), s.effects(Effect.MediaAccess.class));
        assertTrue(s.session.floorHolder().isEmpty(), "the floor goes with them");
        assertTrue(s.to("B", Event.Roster.class).get(0).participants().stream().noneMatch(p -> p.id().equals("A")));
        assertFalse(s.to("F", Event.WaitingList.class).get(0).waiting().get(0).consentComplete());
        s.refused(new Command.Admit("F", "A"), ErrorCode.CONSENT_INCOMPLETE);
    }

    @Test
    void revokingAMembershipClosesTheirConnection() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.MembershipRevoked("m-A"));
        assertEquals(Status.REMOVED, s.status("A"));
        assertEquals(List.of(new Effect.CloseConnection("A", CloseCode.REVOKED, "membership revoked")), s.effects(Effect.CloseConnection.class));
        s.refused(new Command.Join("A", "m-A", "Person-A", Role.PARTICIPANT, true), ErrorCode.FORBIDDEN);
    }

    @Test
    void joinsAreValidated() {
        Scenario s = Scenario.withFacilitator();
        s.refused(new Command.Join("", "m", "N", Role.PARTICIPANT, true), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.Join("p", null, "N", Role.PARTICIPANT, true), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.Join("p", "m", " ", Role.PARTICIPANT, true), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.Join("p", "m", "N", null, true), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void attendanceRecordsWaitingAdmissionAndLeaving() {
        Scenario s = Scenario.withFacilitator().waiting("A");
        s.later(10).ok(new Command.Admit("F", "A"));
        AttendanceRow row = s.effects(Effect.AttendanceChanged.class).get(0).row();
        assertEquals(Scenario.T0, row.waitingSince());
        assertEquals(Scenario.T0.plusSeconds(10), row.admittedAt());
        assertEquals("admitted", row.outcome());
        s.later(10).ok(new Command.Leave("A"));
        row = s.effects(Effect.AttendanceChanged.class).get(0).row();
        assertEquals(Scenario.T0.plusSeconds(20), row.leftAt());
        assertEquals("left", row.outcome());
    }
}
