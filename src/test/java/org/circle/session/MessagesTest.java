package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Private messages reach exactly their sender, their addressee and the facilitators; no member writes to another. */
class MessagesTest {

    private static Scenario room() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        return s;
    }

    private static Set<String> reached(Scenario s) {
        Set<String> to = new java.util.TreeSet<>();
        for (Delivery d : s.last.deliveries()) if (d.event() instanceof Event.Message) to.addAll(d.recipients());
        return to;
    }

    private static Event.Message only(Scenario s) {
        List<Event.Message> all = s.last.deliveries().stream().map(Delivery::event).filter(Event.Message.class::isInstance)
                .map(Event.Message.class::cast).distinct().toList();
        assertEquals(1, all.size(), "one message: " + all);
        return all.get(0);
    }

    @Test
    void aMemberWritesToTheFacilitators() {
        Scenario s = room();
        s.ok(new Command.MessageFacilitators("A", "Can we talk after?"));
        Event.Message m = only(s);
        assertEquals(new Event.Message(m.id(), "A", "Person-A", "Can we talk after?", Scenario.T0, "facilitators"), m);
        assertEquals(Set.of("A", "F", "G"), reached(s), "the facilitators, and the sender's own copy");
        assertEquals(new Reply.MessageSent(m.id(), 2), s.last.reply().orElseThrow());
    }

    @Test
    void aWaitingMemberWritesToo() {
        Scenario s = room();
        s.ok(new Command.MessageFacilitators("W", "I am here but my camera fails"));
        assertEquals("Person-W", only(s).fromName());
        assertEquals(Set.of("F", "G", "W"), reached(s));
    }

    @Test
    void withNoFacilitatorConnectedTheMemberIsToldNobodyReadIt() {
        Scenario s = Scenario.withFacilitator().admitted("A");
        s.ok(new Command.Disconnected("F"));
        s.ok(new Command.MessageFacilitators("A", "Hello?"));
        assertEquals(0, ((Reply.MessageSent) s.last.reply().orElseThrow()).delivered());
    }

    @Test
    void aFacilitatorWritesToOnePersonWaitingOrAdmitted() {
        Scenario s = room();
        s.ok(new Command.SendMessage("F", "Your camera is off, is that all right?", "A"));
        Event.Message m = only(s);
        assertEquals(new Event.Message(m.id(), "F", "Facilitator", "Your camera is off, is that all right?", Scenario.T0, "A"), m);
        assertEquals(Set.of("A", "F", "G"), reached(s), "the addressee and the facilitators; B and W hear nothing");
        s.ok(new Command.SendMessage("G", "We will let you in soon", "W"));
        assertEquals(Set.of("F", "G", "W"), reached(s));
        assertEquals("W", only(s).to());
    }

    @Test
    void aFacilitatorWritesToEveryoneAdmitted() {
        Scenario s = room();
        s.ok(new Command.SendMessage("F", "Ten minutes left", null));
        assertEquals("everyone", only(s).to());
        assertEquals(Set.of("A", "B", "F", "G"), reached(s), "the waiting room is not in the room");
    }

    @Test
    void messagesHaveTheirOwnIds() {
        Scenario s = room();
        s.ok(new Command.MessageFacilitators("A", "one"));
        String first = only(s).id();
        s.ok(new Command.MessageFacilitators("A", "two"));
        assertTrue(!first.equals(only(s).id()));
    }

    @Test
    void refusalsAreClearAndChangeNothing() {
        Scenario s = room();
        s.refused(new Command.MessageFacilitators("A", "x".repeat(1001)), ErrorCode.BAD_MESSAGE);
        s.ok(new Command.MessageFacilitators("A", "x".repeat(1000)));
        s.refused(new Command.MessageFacilitators("A", "  "), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.MessageFacilitators("A", null), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.MessageFacilitators("A", "bell\u0007"), ErrorCode.BAD_MESSAGE);
        s.ok(new Command.MessageFacilitators("A", "two\nlines"));
        s.refused(new Command.SendMessage("A", "to B", "B"), ErrorCode.FORBIDDEN);
        s.refused(new Command.SendMessage("W", "to all", null), ErrorCode.FORBIDDEN);
        s.refused(new Command.SendMessage("F", "hi", "nobody"), ErrorCode.UNKNOWN_PARTICIPANT);
        s.refused(new Command.SendMessage("F", "x".repeat(1001), "A"), ErrorCode.BAD_MESSAGE);
        s.refused(new Command.MessageFacilitators("stranger", "hi"), ErrorCode.FORBIDDEN);
        s.ok(new Command.Leave("B"));
        s.refused(new Command.SendMessage("F", "hi", "B"), ErrorCode.UNKNOWN_PARTICIPANT);
    }
}
