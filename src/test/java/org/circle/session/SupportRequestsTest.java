package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A support request is never lost: it is kept until a facilitator acknowledges it, reaches a
 * facilitator who arrives later, and the member is told the truth about who has heard it.
 */
class SupportRequestsTest {

    private static final CheckInNote ANNS_CHECK_IN = new CheckInNote("12 Elm Road", "+44 7700 900123", "Sister Bea", true);

    private static Reply.SupportDelivered delivered(Scenario s) {
        return (Reply.SupportDelivered) s.last.reply().orElseThrow();
    }

    private static Scenario withoutFacilitator() {
        Scenario s = new Scenario();
        s.ok(new Command.CheckedIn("m-A", ANNS_CHECK_IN));
        s.waiting("A");
        return s;
    }

    @Test
    void aRequestReachesFacilitatorsOnlyWithTheAskersNameAndCheckIn() {
        Scenario s = Scenario.withFacilitator().admitted("B").waiting("W");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.CheckedIn("m-A", ANNS_CHECK_IN));
        s.admitted("A");
        s.ok(new Command.RequestSupport("A", "I am struggling"));
        Reply.SupportDelivered reply = delivered(s);
        assertEquals(2, reply.delivered(), "both facilitators are connected");
        var expected = new Event.SupportRequested(reply.id(), "A", "Person-A", "I am struggling", Scenario.T0, ANNS_CHECK_IN);
        assertEquals(List.of(expected), s.to("F"));
        assertEquals(List.of(expected), s.to("G"));
        assertTrue(s.to("A").isEmpty() && s.to("B").isEmpty() && s.to("W").isEmpty(), "nobody else hears of it");
    }

    @Test
    void aWaitingMemberMayAskAndIsNamedToFacilitators() {
        Scenario s = Scenario.withFacilitator().waiting("W");
        s.ok(new Command.RequestSupport("W", null));
        var sent = s.to("F", Event.SupportRequested.class).get(0);
        assertEquals("Person-W", sent.displayName(), "facilitators see who is asking, not 'someone'");
        assertNull(sent.checkIn(), "W never checked in");
        assertNull(sent.note());
    }

    @Test
    void withNoFacilitatorConnectedTheRequestIsKeptAndTheFirstToArriveReceivesIt() {
        Scenario s = withoutFacilitator();
        s.ok(new Command.RequestSupport("A", "Please call me"));
        Reply.SupportDelivered reply = delivered(s);
        assertEquals(0, reply.delivered(), "nobody heard it: the member must be told so");
        assertTrue(s.last.deliveries().isEmpty());
        s.later(30).ok(new Command.Join("F", null, "Lead", Role.FACILITATOR, true));
        assertEquals(List.of(new Event.SupportRequested(reply.id(), "A", "Person-A", "Please call me", Scenario.T0, ANNS_CHECK_IN)),
                s.to("F", Event.SupportRequested.class));
    }

    @Test
    void aFacilitatorWhoseConnectionDroppedDoesNotCountAndGetsTheRequestOnResuming() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        s.ok(new Command.RequestSupport("A", null));
        assertEquals(0, delivered(s).delivered());
        String id = delivered(s).id();
        s.ok(new Command.Resumed("F"));
        assertEquals(List.of(id), s.to("F", Event.SupportRequested.class).stream().map(Event.SupportRequested::id).toList());
    }

    @Test
    void theLatestCheckInIsShownToAFacilitatorArrivingLater() {
        Scenario s = withoutFacilitator();
        s.ok(new Command.RequestSupport("A", null));
        CheckInNote moved = new CheckInNote("Car park, Station Road", "+44 7700 900123", null, false);
        s.ok(new Command.CheckedIn("m-A", moved));
        s.ok(new Command.Join("F", null, "Lead", Role.FACILITATOR, true));
        assertEquals(moved, s.to("F", Event.SupportRequested.class).get(0).checkIn());
    }

    @Test
    void anAcknowledgementTellsTheMemberWhoAndClosesItForTheOtherFacilitators() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.RequestSupport("A", null));
        String id = delivered(s).id();
        s.ok(new Command.AcknowledgeSupport("F", id));
        assertEquals(List.of(new Event.SupportAcknowledged(id, "Facilitator")), s.to("A"));
        assertEquals(List.of(new Event.SupportClosed(id, "Facilitator")), s.to("G"));
        assertTrue(s.to("F").isEmpty(), "the one who acknowledged hears only the ack");
        assertTrue(s.to("B").isEmpty());

        s.ok(new Command.Join("H", null, "Late", Role.FACILITATOR, true));
        assertTrue(s.to("H", Event.SupportRequested.class).isEmpty(), "an acknowledged request is not open any more");
        Outcome again = s.refused(new Command.AcknowledgeSupport("G", id), ErrorCode.UNKNOWN_REQUEST);
        assertTrue(again.refusal().get().message().contains("Facilitator"), "says who was first: " + again.refusal().get());
    }

    @Test
    void aWaitingMemberHearsTheAcknowledgementToo() {
        Scenario s = withoutFacilitator();
        s.ok(new Command.RequestSupport("A", null));
        String id = delivered(s).id();
        s.ok(new Command.Join("F", null, "Lead", Role.FACILITATOR, true));
        s.ok(new Command.AcknowledgeSupport("F", id));
        assertEquals(List.of(new Event.SupportAcknowledged(id, "Lead")), s.to("A"));
    }

    @Test
    void aRequestStaysOpenAfterTheMemberLeftUntilSomeoneAcknowledgesIt() {
        Scenario s = withoutFacilitator();
        s.ok(new Command.RequestSupport("A", "I have to go"));
        String id = delivered(s).id();
        s.ok(new Command.Leave("A"));
        s.ok(new Command.Join("F", null, "Lead", Role.FACILITATOR, true));
        assertEquals(id, s.to("F", Event.SupportRequested.class).get(0).id(), "who left in distress is the one to call");
        s.ok(new Command.AcknowledgeSupport("F", id));
        assertTrue(s.last.deliveries().isEmpty(), "nobody to tell; it is closed");
    }

    @Test
    void aFacilitatorAskingCountsOnlyTheOthers() {
        Scenario s = Scenario.withFacilitator();
        s.ok(new Command.RequestSupport("F", "I need a co-facilitator"));
        assertEquals(0, delivered(s).delivered(), "nobody else is there to hear it");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        assertEquals(1, s.to("G", Event.SupportRequested.class).size(), "the colleague who arrives sees it");
    }

    @Test
    void openRequestsTheGateAndCheckInsSurviveASaveAndRestore() {
        Scenario s = withoutFacilitator();
        s.ok(new Command.CheckInPolicy(true));
        s.ok(new Command.RequestSupport("A", "Please call me"));
        String id = delivered(s).id();
        s.waiting("B");
        LiveSession restored = LiveSession.restore(SavingTest.throughBytes(s.session.save()));
        assertEquals(s.session.snapshot(), restored.snapshot());
        Outcome arrival = restored.apply(new Command.Join("F", null, "Lead", Role.FACILITATOR, true), s.now);
        assertTrue(arrival.deliveries().stream().anyMatch(d -> d.event() instanceof Event.SupportRequested r && r.id().equals(id)
                && ANNS_CHECK_IN.equals(r.checkIn())), "the first facilitator after a restart still hears of it, with the check-in");
        assertEquals(ErrorCode.CHECK_IN_MISSING, restored.apply(new Command.Admit("F", "B"), s.now).refusal().orElseThrow().code());
        Outcome next = restored.apply(new Command.RequestSupport("B", null), s.now);
        assertNotEquals(id, ((Reply.SupportDelivered) next.reply().orElseThrow()).id(), "ids go on from where they were");
    }

    @Test
    void eachPersonsRequestHasItsOwnId() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.RequestSupport("A", null));
        String first = delivered(s).id();
        s.ok(new Command.RequestSupport("B", null));
        assertNotEquals(first, delivered(s).id());
        s.ok(new Command.AcknowledgeSupport("F", first));
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        assertEquals(1, s.to("G", Event.SupportRequested.class).size(), "the second is still open");
    }

    @Test
    void aMemberWhoDropsOutAndDoesNotComeBackIsAFollowUpForTheFacilitators() {
        Scenario s = Scenario.withFacilitator().admitted("B");
        s.ok(new Command.CheckedIn("m-A", ANNS_CHECK_IN));
        s.admitted("A");
        s.ok(new Command.Disconnected("A"));
        assertTrue(s.to("F", Event.ParticipantDropped.class).isEmpty(), "not yet: they may come back");
        s.later(60).ok(new Command.GraceExpired("A"));
        List<Event.ParticipantDropped> told = s.to("F", Event.ParticipantDropped.class);
        assertEquals(1, told.size());
        Event.ParticipantDropped dropped = told.get(0);
        assertEquals(new Event.ParticipantDropped(dropped.id(), "A", "Person-A", Scenario.T0.plusSeconds(60), ANNS_CHECK_IN), dropped);
        assertTrue(s.to("B").stream().noneMatch(e -> e instanceof Event.ParticipantDropped), "only facilitators");

        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        assertEquals(List.of(dropped), s.to("G", Event.ParticipantDropped.class), "kept until someone follows up");
        s.ok(new Command.AcknowledgeSupport("G", dropped.id()));
        assertEquals(List.of(new Event.SupportClosed(dropped.id(), "Co")), s.to("F"));
        s.ok(new Command.Join("H", null, "Late", Role.FACILITATOR, true));
        assertTrue(s.to("H", Event.ParticipantDropped.class).isEmpty());
    }

    @Test
    void leavingComingBackOrWaitingIsNoDrop() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.Leave("A"));
        s.ok(new Command.Disconnected("B"));
        s.later(10).ok(new Command.Resumed("B"));
        s.ok(new Command.Disconnected("W"));
        s.later(60).ok(new Command.GraceExpired("B"));
        assertTrue(s.last.deliveries().isEmpty(), "B came back");
        s.ok(new Command.GraceExpired("W"));
        assertTrue(s.to("F", Event.ParticipantDropped.class).isEmpty(), "W was never in the room");
        s.ok(new Command.Disconnected("F"));
        s.later(60).ok(new Command.GraceExpired("F"));
        assertTrue(s.last.deliveries().stream().noneMatch(d -> d.event() instanceof Event.ParticipantDropped), "a facilitator is no follow-up");
    }

    @Test
    void refusalsAreClearAndChangeNothing() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.refused(new Command.AcknowledgeSupport("F", "sr99"), ErrorCode.UNKNOWN_REQUEST);
        s.refused(new Command.AcknowledgeSupport("F", " "), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.AcknowledgeSupport("F", null), ErrorCode.BAD_MESSAGE);
        s.ok(new Command.RequestSupport("A", null));
        s.refused(new Command.AcknowledgeSupport("A", delivered(s).id()), ErrorCode.FORBIDDEN);
        s.refused(new Command.RequestSupport("A", "x".repeat(501)), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.RequestSupport("stranger", null), ErrorCode.FORBIDDEN);
    }

    @Test
    void aRepeatWhileOneIsOpenUpdatesThatAlertInsteadOfRaisingAnother() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.RequestSupport("A", "I am struggling"));
        String id = delivered(s).id();
        s.later(4).ok(new Command.RequestSupport("A", "please, now"));
        assertEquals(id, delivered(s).id(), "the same request");
        var update = s.to("F", Event.SupportRequested.class).get(0);
        assertEquals(id, update.id(), "the facilitator's alert of that id is updated, not a new one");
        assertEquals(2, update.count());
        assertEquals(Scenario.T0, update.at(), "first asked");
        assertEquals(Scenario.T0.plusSeconds(4), update.lastAt(), "last asked");
        assertEquals("please, now", update.note(), "the newest note");
        s.later(4).ok(new Command.RequestSupport("A", null));
        assertEquals("please, now", s.to("F", Event.SupportRequested.class).get(0).note(), "a repeat without a note keeps the last one");
        s.ok(new Command.AcknowledgeSupport("F", id));
        s.later(20).ok(new Command.RequestSupport("A", "again"));
        assertNotEquals(id, delivered(s).id(), "once acknowledged, asking again is a new request");
    }

    @Test
    void aFloodIsPacedAndRefusedWithHowLongToWait() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        int accepted = 0;
        Refusal refusal = null;
        // The attack: 347 requests of 500 characters in 10 s.
        for (int i = 0; i < 347; i++) {
            s.now = Scenario.T0.plusMillis(i * 10_000L / 347);
            s.last = s.session.apply(new Command.RequestSupport("A", "x".repeat(500)), s.now);
            if (s.last.accepted()) accepted++;
            else refusal = s.last.refusal().orElseThrow();
        }
        assertEquals(SupportRequests.BURST, accepted, "a few at once, then one every " + SupportRequests.EVERY.toSeconds() + " s");
        assertEquals(ErrorCode.RATE_LIMITED, refusal.code());
        assertTrue(refusal.retryAfterSeconds() >= 1 && refusal.retryAfterSeconds() <= 10, "with how long to wait: " + refusal);
        assertTrue(refusal.message().contains("has your request"), refusal.message());
        s.now = Scenario.T0.plusSeconds(10);
        s.ok(new Command.RequestSupport("B", null));
        s.ok(new Command.RequestSupport("A", null));
        assertEquals(SupportRequests.BURST + 1, s.to("F", Event.SupportRequested.class).get(0).count(), "still one alert");
        s.refused(new Command.RequestSupport("A", null), ErrorCode.RATE_LIMITED);
    }

    @Test
    void messagesToFacilitatorsArePacedPerPerson() {
        Scenario s = Scenario.withFacilitator().waiting("W").admitted("B");
        for (int i = 0; i < Messages.BURST; i++) s.ok(new Command.MessageFacilitators("W", "hello " + i));
        Outcome refused = s.refused(new Command.MessageFacilitators("W", "hello"), ErrorCode.RATE_LIMITED);
        assertEquals(Messages.EVERY.toSeconds(), refused.refusal().orElseThrow().retryAfterSeconds().longValue());
        s.ok(new Command.MessageFacilitators("B", "I am fine"));
        s.later(Messages.EVERY.toSeconds()).ok(new Command.MessageFacilitators("W", "one more"));
        s.refused(new Command.MessageFacilitators("W", "and another"), ErrorCode.RATE_LIMITED);
        s.ok(new Command.SendMessage("F", "Please wait a moment", "W"));
    }

    @Test
    void thePaceAndTheCountSurviveASaveAndRestore() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        for (int i = 0; i < SupportRequests.BURST; i++) s.ok(new Command.RequestSupport("A", "help"));
        for (int i = 0; i < Messages.BURST; i++) s.ok(new Command.MessageFacilitators("A", "hi"));
        LiveSession restored = LiveSession.restore(SavingTest.throughBytes(s.session.save()));
        assertEquals(s.session.snapshot(), restored.snapshot());
        Scenario after = new Scenario(restored);
        after.now = s.now;
        after.refused(new Command.RequestSupport("A", "help"), ErrorCode.RATE_LIMITED);
        after.refused(new Command.MessageFacilitators("A", "hi"), ErrorCode.RATE_LIMITED);
        after.later(10).ok(new Command.RequestSupport("A", "help"));
        assertEquals(SupportRequests.BURST + 1, after.to("F", Event.SupportRequested.class).get(0).count());
    }
}
