package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every malformed, unknown, oversized, out-of-role or out-of-state frame gets its error; the socket stays open where it should. */
@ExtendWith(CircleServer.class)
class BadInputIT {

    @Test
    void theFirstFrameMustBeAValidHello(Circle circle) {
        Setting s = new Setting(circle);
        try (Ws notHello = new Ws(circle.process().baseUrl())) {
            notHello.sendText("{\"type\":\"hand.raise\"}");
            assertEquals(1008, notHello.awaitClose());
        }
        try (Ws garbage = new Ws(circle.process().baseUrl())) {
            garbage.sendText("hello?");
            assertEquals(1008, garbage.awaitClose());
        }
        try (Ws badTicket = new Ws(circle.process().baseUrl())) {
            badTicket.send(Ws.hello("not-a-ticket"));
            assertEquals("TICKET_INVALID", badTicket.await("error").getString("code"));
            assertEquals(1008, badTicket.awaitClose());
        }
        try (Ws wrongProtocol = new Ws(circle.process().baseUrl())) {
            wrongProtocol.send(Json.createObjectBuilder().add("type", "hello").add("protocol", 2).add("ticket", s.facilitatorTicket()).build());
            assertEquals("BAD_MESSAGE", wrongProtocol.await("error").getString("code"));
            assertEquals(1008, wrongProtocol.awaitClose());
        }
        String ticket = s.facilitatorTicket();
        s.connect(ticket).close();
        try (Ws reused = new Ws(circle.process().baseUrl())) {
            reused.send(Ws.hello(ticket));
            assertEquals("TICKET_INVALID", reused.await("error").getString("code"), "a ticket works once");
            assertEquals(1008, reused.awaitClose());
        }
    }

    @Test
    void silenceAfterConnectingIsClosedWithin10Seconds(Circle circle) {
        try (Ws silent = new Ws(circle.process().baseUrl())) {
            long start = System.nanoTime();
            assertEquals(1008, silent.awaitClose());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 9 && seconds <= 12, "closed after " + seconds + " s");
        }
    }

    @Test
    void anotherSitesPageCannotOpenASocket(Circle circle) {
        var refused = assertThrows(CompletionException.class, () -> new Ws(circle.process().baseUrl(), "https://evil.example"));
        assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 403,
                String.valueOf(refused.getCause()));
        new Ws(circle.process().baseUrl(), circle.process().baseUrl()).close();
    }

    @Test
    void badFramesAreAnsweredAndTheSocketStaysOpen(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        Ws a = s.connect(s.memberTicket(s.member("Ann")));
        String aId = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id");

        for (String text : List.of("not json", "[1,2]", "{\"type\":1}", "{}", "{\"type\":\"hand.raise\"}}", "null")) {
            f.sendText(text);
            assertEquals("BAD_MESSAGE", f.await("error").getString("code"), text);
        }
        expect(f.call("no.such.type"), "BAD_MESSAGE");
        expect(f.call("admit"), "BAD_MESSAGE");
        expect(f.call("admit", "participant", 42), "BAD_MESSAGE");
        expect(f.call("lock"), "BAD_MESSAGE");
        expect(f.call("lock", "locked", "yes"), "BAD_MESSAGE");
        expect(f.call("floor.grant", "participant", aId, "seconds", 1.5), "BAD_MESSAGE");
        expect(f.call("mode.set", "mode", "anarchy"), "BAD_MESSAGE");
        expect(f.call("hello"), "BAD_MESSAGE");
        expect(f.call("waiting.message", "text", "x".repeat(501)), "BAD_MESSAGE");
        expect(f.call("round.start", "order", "everyone"), "BAD_MESSAGE");
        expect(f.call("signal", "to", aId, "payload", "text"), "BAD_MESSAGE");
        expect(f.call("signal", "to", aId, "payload", Json.createObjectBuilder().build()), "UNKNOWN_PARTICIPANT");
        expect(f.call("mute", "participant", aId), "UNKNOWN_PARTICIPANT");
        expect(f.call("media.publish", "sdp", "v=0"), "MEDIA_UNAVAILABLE");

        // A waiting person: every facilitator frame is refused, and nothing they may not do works.
        for (String type : List.of("admit.all", "mute.all", "floor.revoke", "round.next", "round.stop", "session.end")) {
            expect(a.call(type), "FORBIDDEN");
        }
        expect(a.call("hand.raise"), "NOT_ADMITTED");
        expect(a.call("support.request", "note", "x".repeat(501)), "BAD_MESSAGE");

        f.call("admit", "participant", aId);
        a.await("admitted");
        expect(a.call("admit", "participant", aId), "FORBIDDEN");
        expect(a.call("round.pass"), "NOT_YOUR_TURN");
        expect(a.call("floor.yield"), "NOT_YOUR_TURN");
        f.call("mode.set", "mode", "moderated");
        expect(a.call("self.media", "audio", true), "NOT_YOUR_TURN");
        assertEquals("ack", a.call("self.media", "video", true).getString("type"), "the socket is still open and working");
        assertEquals("ack", f.call("waiting.message", "text", "still here").getString("type"));
    }

    @Test
    void anSfuSessionWithoutAMediaServerSaysSo(Circle circle) {
        Setting s = new Setting(circle, "sfu");
        Ws f = new Ws(circle.process().baseUrl());
        f.send(Ws.hello(s.facilitatorTicket()));
        JsonObject welcome = f.await("welcome");
        assertEquals("sfu", welcome.getJsonObject("session").getString("media"));
        assertEquals(false, welcome.getJsonObject("session").getBoolean("mediaAvailable"));
        expect(f.call("media.publish", "sdp", "v=0"), "MEDIA_UNAVAILABLE");
        assertEquals("ack", f.call("mute.all").getString("type"), "everything else works");
    }

    @Test
    void aFrameOver64KiBClosesTheSocket(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        f.sendText("{\"type\":\"support.request\",\"note\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertEquals(1009, f.awaitClose());
    }

    @Test
    void floodingIsRefusedAndPersistentAbuseCloses(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        String frame = "{\"type\":\"hand.lower\",\"ref\":\"x\"}";
        for (int i = 0; i < 400; i++) f.sendText(frame);
        List<JsonObject> answers = f.drain(1500);
        assertTrue(answers.stream().anyMatch(a -> "RATE_LIMITED".equals(a.getString("code", null))), "some were refused");
        assertTrue(answers.stream().anyMatch(a -> "ack".equals(a.getString("type"))), "the first ones passed");
        assertEquals(1008, f.awaitClose(), "persistent abuse closes");
    }

    private static void expect(JsonObject answer, String code) {
        assertEquals("error", answer.getString("type"), answer.toString());
        assertEquals(code, answer.getString("code"), answer.toString());
        assertTrue(answer.getString("message").length() > 3);
    }
}
