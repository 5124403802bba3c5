package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A member turned away by the lock knocks; a facilitator may let that one person in. */
class KnocksTest {

    private static Scenario locked() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.Lock("F", true));
        return s;
    }

    @Test
    void facilitatorsHearOnceWhoKnocked() {
        Scenario s = locked();
        s.refused(new Command.Join("K", "m-K", "Kim", Role.PARTICIPANT, true), ErrorCode.LOCKED);
        s.ok(new Command.Knock("m-K", "Kim Invited"));
        Event.LockKnock knock = s.to("F", Event.LockKnock.class).get(0);
        assertEquals(new Event.LockKnock(knock.id(), "m-K", "Kim Invited", s.now), knock);
        assertEquals(List.of(knock), s.to("G", Event.LockKnock.class));
        assertTrue(s.to("A").isEmpty(), "participants hear nothing of it");
        s.later(5).ok(new Command.Knock("m-K", "Kim Invited"));
        assertTrue(s.last.deliveries().isEmpty(), "a page asking again does not knock twice");
    }

    @Test
    void letInLetsThatOnePersonIntoTheWaitingRoomOnce() {
        Scenario s = locked();
        s.ok(new Command.Knock("m-K", "Kim"));
        s.ok(new Command.Knock("m-L", "Lee"));
        s.ok(new Command.LetIn("F", "m-K"));
        assertEquals("let.in", s.to("G", Event.LockKnockClosed.class).get(0).outcome(), "the other facilitator sees it dealt with");
        assertTrue(s.session.letInPastLock("m-K"));
        assertFalse(s.session.letInPastLock("m-L"));
        s.ok(new Command.Join("K", "m-K", "Kim", Role.PARTICIPANT, true));
        assertEquals(Status.WAITING, s.status("K"));
        s.refused(new Command.Join("L", "m-L", "Lee", Role.PARTICIPANT, true), ErrorCode.LOCKED);
        assertTrue(s.session.locked, "still locked for everyone else");
        assertFalse(s.session.letInPastLock("m-K"), "used once");
        s.ok(new Command.Leave("K"));
        s.refused(new Command.Join("K", "m-K", "Kim", Role.PARTICIPANT, true), ErrorCode.LOCKED);
    }

    @Test
    void letInNeedsAKnockAndAFacilitator() {
        Scenario s = locked();
        s.refused(new Command.LetIn("F", "m-nobody"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.ok(new Command.Knock("m-K", "Kim"));
        s.refused(new Command.LetIn("A", "m-K"), ErrorCode.FORBIDDEN);
        s.refused(new Command.LetIn("F", null), ErrorCode.BAD_MESSAGE);
    }

    @Test
    void unlockingClosesEveryKnock() {
        Scenario s = locked();
        s.ok(new Command.Knock("m-K", "Kim"));
        s.ok(new Command.Lock("F", false));
        assertEquals("unlocked", s.to("F", Event.LockKnockClosed.class).get(0).outcome());
        s.ok(new Command.Knock("m-K", "Kim"));
        assertTrue(s.last.deliveries().isEmpty(), "an unlocked door takes no knocks");
    }

    @Test
    void noKnockFromTheRemovedOrSomeoneStillIn() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B");
        s.ok(new Command.Remove("F", "B", null));
        s.ok(new Command.Lock("F", true));
        s.ok(new Command.Knock("m-B", "Bob"));
        s.ok(new Command.Knock("m-A", "Ann"));
        assertTrue(s.last.deliveries().isEmpty());
        s.ok(new Command.Knock("m-B", "Bob"));
        assertTrue(s.last.deliveries().isEmpty());
    }

    @Test
    void knocksAndLetInsSurviveSaving() {
        Scenario s = locked();
        s.ok(new Command.Knock("m-K", "Kim"));
        s.ok(new Command.Knock("m-L", "Lee"));
        s.ok(new Command.LetIn("F", "m-L"));
        LiveSession back = LiveSession.restore(s.session.save());
        assertEquals(s.session.snapshot(), back.snapshot());
        assertTrue(back.letInPastLock("m-L"));
        Scenario after = new Scenario(back);
        after.ok(new Command.LetIn("F", "m-K"));
        assertTrue(back.letInPastLock("m-K"));
    }
}
