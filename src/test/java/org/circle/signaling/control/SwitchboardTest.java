package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circle.consent.control.ConsentLedger;
import org.circle.group.control.Sessions;
import org.circle.group.control.Tickets;
import org.circle.group.entity.ScheduledSession;
import org.circle.media.IceServers;
import org.circle.media.MediaPort;
import org.circle.media.MediaServers;
import org.circle.media.NoMediaServer;
import org.circle.session.CloseCode;
import org.circle.session.MediaKind;
import org.junit.jupiter.api.Test;

/**
 * The protocol of a socket, from its first frame on, with fake sockets and a clock that stands
 * still. Tickets, consent and the schedule are stand-ins that answer as the database would.
 */
class SwitchboardTest {

    private final Backstage backstage = new Backstage();
    private final ScheduledSession scheduled = new ScheduledSession("s1", "g1", "Tuesday group", Backstage.T0, 60, MediaKind.MESH, 120, Backstage.T0);
    private final Map<String, Tickets.Holder> tickets = new HashMap<>();
    private final Switchboard switchboard = new Switchboard();
    private final Rooms rooms = new Rooms();
    private final List<String> received = new ArrayList<>();
    private final List<java.time.Duration> admissions = new ArrayList<>();

    SwitchboardTest() {
        rooms.sessions = new Sessions() {
            @Override public Optional<ScheduledSession> find(String id) { return Optional.of(scheduled).filter(s -> s.id().equals(id)); }
        };
        rooms.store = backstage;
        rooms.clock = backstage.clock;
        rooms.sharing = Sharing.ALONE;
        rooms.media = new MediaServers() {
            @Override public MediaPort port(MediaKind kind) { return NoMediaServer.MESH; }
        };
        rooms.iceServers = new IceServers() {
            @Override public JsonArray forParticipant(String participantId) { return JsonValue.EMPTY_JSON_ARRAY; }
        };
        rooms.timers = backstage;
        rooms.writers = backstage;
        rooms.cares = new RoomCares() {
            @Override RoomCare of(String sessionId, String groupId) { return RoomCare.DEFAULTS; }
        };
        switchboard.rooms = rooms;
        switchboard.meter = new FrameMeter() {
            @Override public void received(String type) { received.add(type); }
            @Override public void admission(java.time.Duration took) { admissions.add(took); }
        };
        switchboard.tickets = new Tickets() {
            @Override public Optional<Tickets.Holder> redeem(String ticket) { return Optional.ofNullable(ticket == null ? null : tickets.remove(ticket)); }
        };
        switchboard.groups = new org.circle.group.control.Groups() {
            @Override public List<String> facilitatorNames(String groupId) { return List.of("Lead"); }
        };
        switchboard.checkIns = new LiveCheckIns() {
            @Override public Optional<org.circle.session.Command.CheckedIn> standing(String sessionId, String memberId) { return Optional.empty(); }
            @Override public org.circle.session.Command.CheckInPolicy policy(String groupId) { return new org.circle.session.Command.CheckInPolicy(false); }
            @Override public List<org.circle.session.Command> arrival(String groupId, String sessionId, String memberId) { return List.of(); }
        };
        switchboard.ledger = new ConsentLedger() {
            @Override public boolean isComplete(String groupId, String memberId) { return !memberId.equals("m-late"); }
        };
    }

    private String ticketFor(String memberId, String name) {
        String ticket = "ticket-" + tickets.size();
        tickets.put(ticket, memberId == null ? new Tickets.Holder("s1", "g1", null, "fac1", name, true)
                : new Tickets.Holder("s1", "g1", memberId, null, name, false));
        return ticket;
    }

    private FakeSocket hello(String ticket) {
        FakeSocket s = new FakeSocket("socket-" + ticket);
        switchboard.received(s.connection, "{\"type\":\"hello\",\"protocol\":1,\"ticket\":\"" + ticket + "\"}");
        backstage.writeAll();
        return s;
    }

    private void send(FakeSocket s, String frame) {
        switchboard.received(s.connection, frame);
    }

    private static String id(FakeSocket s) { return s.written.get(0).json().getJsonObject("you").getString("id"); }

    @Test
    void aValidTicketIsWelcomedAndAnInvalidOneRefusedThenClosed() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        assertEquals("welcome", f.types().get(0));
        assertEquals("ffac1", id(f));
        assertEquals("facilitator", f.written.get(0).json().getJsonObject("you").getString("role"));

        FakeSocket stranger = hello("no-such-ticket");
        assertEquals(List.of("error"), stranger.types());
        assertEquals("TICKET_INVALID", stranger.written.get(0).json().getString("code"));
        assertEquals(CloseCode.POLICY, stranger.closedWith);
        assertEquals("TICKET_INVALID", stranger.closeReason);
        assertTrue(stranger.written.get(0).tick() < stranger.closedAt, "the reason arrives before the close");
    }

    @Test
    void anythingButHelloFirstClosesTheSocket() {
        FakeSocket s = new FakeSocket("early");
        send(s, "{\"type\":\"hand.raise\"}");
        assertEquals(CloseCode.POLICY, s.closedWith);
        assertEquals("hello first", s.closeReason);
        assertTrue(s.written.isEmpty());

        FakeSocket garbled = new FakeSocket("garbled");
        send(garbled, "not json");
        assertEquals(CloseCode.POLICY, garbled.closedWith);

        FakeSocket old = new FakeSocket("old");
        send(old, "{\"type\":\"hello\",\"protocol\":2,\"ref\":\"h\",\"ticket\":\"" + ticketFor("m-a", "Ann") + "\"}");
        assertEquals("BAD_MESSAGE", old.written.get(0).json().getString("code"));
        assertEquals("h", old.written.get(0).json().getString("ref"));
        assertEquals(CloseCode.POLICY, old.closedWith);
    }

    @Test
    void aMemberWaitsAndIsAdmittedWithTheAckAfterTheRecord() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        FakeSocket a = hello(ticketFor("m-a", "Ann"));
        assertEquals(List.of("welcome", "waiting"), a.types());
        String ann = id(a);
        assertTrue(ann.startsWith("p"));

        send(f, "{\"type\":\"admit\",\"ref\":\"r1\",\"participant\":\"" + ann + "\"}");
        assertEquals("admitted", a.types().get(2));
        assertEquals("r1", f.last("ack").json().getString("ref"));
        assertTrue(f.last("roster").tick() < f.last("ack").tick(), "what changed, then the ack");
        assertTrue(backstage.recorded.contains("attendance " + ann + " admitted"));
    }

    @Test
    void theFiguresCountKnownFramesAdmissionsAndWhoIsConnected() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        FakeSocket a = hello(ticketFor("m-a", "Ann"));
        assertEquals(new Census(true, 1, 1, 1), rooms.existing("s1").orElseThrow().census(), "Ann waits");
        send(f, "{\"type\":\"admit\",\"ref\":\"r1\",\"participant\":\"" + id(a) + "\"}");
        send(a, "{\"type\":\"no.such.frame\",\"ref\":\"r2\"}");
        send(a, "{\"type\":\"hand.raise\",\"ref\":\"r3\"}");
        assertEquals("BAD_MESSAGE", a.last("error").json().getString("code"));
        assertEquals(List.of("hello", "hello", "admit", "hand.raise"), received, "an unknown type is refused, not counted under its own name");
        assertEquals(1, admissions.size());
        assertEquals(new Census(true, 1, 1, 0), rooms.existing("s1").orElseThrow().census(), "Ann is in");
        switchboard.closed(a.connection);
        assertEquals(new Census(true, 1, 0, 0), rooms.existing("s1").orElseThrow().census(), "Ann's socket closed");
    }

    @Test
    void aRefusedFrameGetsOneClearErrorAndTheSocketStaysOpen() {
        hello(ticketFor(null, "Facilitator"));
        FakeSocket late = hello(ticketFor("m-late", "Lee"));
        send(late, "{\"type\":\"hand.raise\",\"ref\":\"r2\"}");
        JsonObject error = late.last("error").json();
        assertEquals("NOT_ADMITTED", error.getString("code"));
        assertEquals("r2", error.getString("ref"));

        send(late, "{\"type\":\"nonsense\",\"ref\":\"r3\"}");
        assertEquals("BAD_MESSAGE", late.last("error").json().getString("code"));
        send(late, "{\"type\":");
        assertEquals("BAD_MESSAGE", late.last("error").json().getString("code"));
        send(late, "{\"type\":\"media.publish\",\"ref\":\"r4\"}");
        assertEquals("MEDIA_UNAVAILABLE", late.last("error").json().getString("code"), "a mesh session's media never passes through");
        assertNull(late.closedWith);
    }

    @Test
    void aFacilitatorCannotAdmitSomeoneWhoseConsentIsMissing() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        FakeSocket late = hello(ticketFor("m-late", "Lee"));
        assertEquals("missing", f.last("waiting.list").json().getJsonArray("waiting").getJsonObject(0).getString("consent"));
        send(f, "{\"type\":\"admit\",\"ref\":\"r5\",\"participant\":\"" + id(late) + "\"}");
        assertEquals("CONSENT_INCOMPLETE", f.last("error").json().getString("code"));
    }

    @Test
    void aDroppedSocketResumesItsPlace() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        FakeSocket a = hello(ticketFor("m-a", "Ann"));
        send(f, "{\"type\":\"admit.all\"}");
        backstage.writeAll();
        String token = a.written.get(0).json().getString("resume");

        switchboard.closed(a.connection);
        assertFalse(f.last("roster").json().getJsonArray("participants").getJsonObject(1).getBoolean("connected"));

        FakeSocket back = new FakeSocket("back");
        send(back, "{\"type\":\"hello\",\"protocol\":1,\"resume\":\"" + token + "\"}");
        assertEquals("welcome", back.types().get(0));
        assertEquals(id(a), id(back), "the same place, without waiting");
        assertTrue(f.last("roster").json().getJsonArray("participants").getJsonObject(1).getBoolean("connected"));

        FakeSocket twice = new FakeSocket("twice");
        send(twice, "{\"type\":\"hello\",\"protocol\":1,\"resume\":\"" + token + "\"}");
        assertEquals("TICKET_INVALID", twice.last("error").json().getString("code"));
        assertEquals(CloseCode.POLICY, twice.closedWith);
    }

    @Test
    void aRemovalClosesTheSocketAfterTheAck() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        FakeSocket a = hello(ticketFor("m-a", "Ann"));
        send(f, "{\"type\":\"admit.all\"}");
        backstage.writeAll();
        send(f, "{\"type\":\"remove\",\"ref\":\"r6\",\"participant\":\"" + id(a) + "\"}");
        assertEquals("removed", a.types().get(a.types().size() - 1));
        assertTrue(backstage.recorded.contains("attendance " + id(a) + " removed"), "recorded before anyone is told");
        assertEquals(CloseCode.REMOVED, a.closedWith);
        assertTrue(f.last("ack").tick() < a.closedAt);

        FakeSocket again = hello(ticketFor("m-a", "Ann"));
        assertEquals("FORBIDDEN", again.last("error").json().getString("code"), "a removed member stays out");
        assertEquals(CloseCode.POLICY, again.closedWith);
    }

    @Test
    void anEndedSessionTakesNobodyNew() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        send(f, "{\"type\":\"session.end\",\"ref\":\"r7\"}");
        backstage.writeAll();
        assertEquals(CloseCode.ENDED, f.closedWith);

        FakeSocket late = hello(ticketFor("m-a", "Ann"));
        assertEquals("SESSION_ENDED", late.last("error").json().getString("code"));
        assertEquals(CloseCode.POLICY, late.closedWith);
    }

    @Test
    void aFloodIsSlowedDown() {
        FakeSocket f = hello(ticketFor(null, "Facilitator"));
        for (int i = 0; i < 130; i++) send(f, "{\"type\":\"hand.raise\",\"ref\":\"x" + i + "\"}");
        assertTrue(f.frames("error").stream().anyMatch(e -> e.getString("code").equals("RATE_LIMITED")));
        assertNull(f.closedWith, "slowed down, not yet closed");
    }
}
