package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * v1.1 {@code memberName}: a member may join under a name of their choosing; facilitators also see
 * the name they gave the member, in the roster and the waiting list. Participants never receive it.
 */
class MemberNameTest {

    private static Command.Join member(String id, String chosen, String given) {
        return new Command.Join(id, "m-" + id, chosen, Role.PARTICIPANT, true, given);
    }

    @Test
    void facilitatorsSeeTheInvitedNameBesideTheChosenOneAndNobodyElseDoes() {
        Scenario s = Scenario.withFacilitator();
        s.ok(member("A", "Sunny", "Alice Smith"));
        Event.WaitingEntry waiting = s.to("F", Event.WaitingList.class).get(0).waiting().get(0);
        assertEquals("Sunny", waiting.displayName());
        assertEquals("Alice Smith", waiting.memberName());
        assertEquals(List.of(new Event.Waiting(null)), s.to("A"), "the waiting member learns nothing else");

        s.ok(new Command.Admit("F", "A"));
        s.ok(member("B", "Bee", "Bob Jones"));
        s.ok(new Command.Admit("F", "B"));
        Event.RosterEntry aSeenByF = entry(s.to("F", Event.Roster.class), "A");
        assertEquals("Alice Smith", aSeenByF.memberName());
        assertEquals("Sunny", aSeenByF.displayName());
        for (Event.RosterEntry e : s.to("B", Event.Roster.class).get(0).participants()) assertNull(e.memberName(), "B's picture: " + e);
        for (Event.RosterEntry e : s.to("A", Event.Roster.class).get(0).participants()) assertNull(e.memberName(), "A's update: " + e);

        s.ok(new Command.RaiseHand("A"));
        for (Event.RosterEntry e : s.to("B", Event.Roster.class).get(0).participants()) assertNull(e.memberName());
        assertEquals("Bob Jones", entry(s.to("F", Event.Roster.class), "B").memberName());
    }

    @Test
    void aFacilitatorHasNoMemberNameAndTheNameSurvivesARestart() {
        Scenario s = Scenario.withFacilitator();
        s.ok(new Command.Join("G", null, "Second", Role.FACILITATOR, true, "ignored"));
        s.ok(member("A", "Sunny", "Alice Smith"));
        s.ok(new Command.Admit("F", "A"));
        LiveSession restored = LiveSession.restore(SavingTest.throughBytes(s.session.save()));
        Scenario after = new Scenario(restored);
        after.ok(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        assertEquals("Alice Smith", entry(after.to("F", Event.Roster.class), "A").memberName());
        assertNull(entry(after.to("F", Event.Roster.class), "G").memberName());
        assertTrue(after.to("F", Event.Roster.class).get(0).participants().stream().allMatch(e -> e.role() == Role.PARTICIPANT || e.memberName() == null));
    }

    private static Event.RosterEntry entry(List<Event.Roster> rosters, String id) {
        return rosters.get(rosters.size() - 1).participants().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
