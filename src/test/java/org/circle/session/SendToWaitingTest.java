package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** v1.1 {@code send.to.waiting}: admitted → waiting, with the facilitator's message, keeping no turn. */
class SendToWaitingTest {

    @Test
    void anAdmittedMemberGoesBackToWaitingAndKeepsNoFloorHandOrRoundPlace() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C");
        s.ok(new Command.StartRound("F", List.of("B", "A", "C"), 60));
        s.ok(new Command.RaiseHand("C"));
        s.ok(new Command.SelfMedia("B", true, true));
        s.later(10).ok(new Command.SendToWaiting("F", "B", "Take a moment; I will bring you back."));

        assertEquals(Status.WAITING, s.status("B"));
        assertEquals(List.of(new Event.Waiting("Take a moment; I will bring you back.")), s.to("B"), "they learn only that they wait, and why");
        assertEquals("A", s.session.floorHolder().orElseThrow(), "the round moved on to the next person");
        assertEquals(List.of("A", "C"), s.session.roundOrder());
        assertTrue(s.to("A", Event.Roster.class).get(0).participants().stream().noneMatch(p -> p.id().equals("B")));
        assertTrue(s.to("F", Event.WaitingList.class).get(0).waiting().stream().anyMatch(w -> w.id().equals("B")));
        ParticipantView b = s.session.participant("B").orElseThrow();
        assertFalse(b.audio() || b.video(), "their camera and microphone are off");

        assertEquals(List.of("C"), s.session.handQueue());
        s.ok(new Command.SendToWaiting("F", "C", null));
        assertEquals(List.of(), s.session.handQueue(), "C's hand went with them");
        assertEquals(List.of("A"), s.session.roundOrder(), "and their place in the round");
        assertEquals(List.of(new Event.Waiting(null)), s.to("C"));
        s.ok(new Command.Admit("F", "B"));
        assertEquals(Status.ADMITTED, s.status("B"), "a facilitator admits them again as usual");
    }

    @Test
    void onlyAnAdmittedParticipantCanBeSentBack() {
        Scenario s = Scenario.withFacilitator().admitted("A").waiting("W");
        s.ok(new Command.Join("G", null, "Second facilitator", Role.FACILITATOR, true));
        s.refused(new Command.SendToWaiting("F", "W", null), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.SendToWaiting("F", "nobody", null), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.SendToWaiting("F", "G", null), ErrorCode.FORBIDDEN);
        s.refused(new Command.SendToWaiting("F", "A", "x".repeat(501)), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.SendToWaiting("A", "A", null), ErrorCode.FORBIDDEN);
    }
}
