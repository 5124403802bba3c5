package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.circle.session.Event;
import org.junit.jupiter.api.Test;

class ServerFramesTest {

    private static JsonObject read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aRelayedSignalCarriesTheSendersObjectUnchanged() {
        // As the edge receives it: parsed, then written back by the parser (Commands).
        JsonObject sent = read("{\"sdp\":\"v=0\\r\\na=\\\"x\\\" \\\\ \\u2028 ü 🙂\",\"n\":[1,2.5,null,true],\"o\":{}}");
        String frame = ServerFrames.event(new Event.SignalRelayed("p1", sent.toString()));
        JsonObject received = read(frame);
        assertEquals("signal", received.getString("type"));
        assertEquals("p1", received.getString("from"));
        assertEquals(sent, received.getJsonObject("payload"));
    }

    @Test
    void aSupportRequestCarriesItsIdTheNameAndTheCheckInWhenThereIsOne() {
        java.time.Instant at = java.time.Instant.parse("2026-11-22T18:05:00Z");
        JsonObject with = read(ServerFrames.event(new Event.SupportRequested("sr1", "p1", "Ann", "help", at,
                new org.circle.session.CheckInNote("12 Elm Road", "+44 7700 900123", null, true))));
        assertEquals("support.requested", with.getString("type"));
        assertEquals("sr1", with.getString("id"));
        assertEquals("Ann", with.getString("displayName"));
        assertEquals("2026-11-22T18:05:00Z", with.getString("at"));
        assertEquals(Json.createObjectBuilder().add("location", "12 Elm Road").add("phone", "+44 7700 900123").add("privateSpace", true).build(),
                with.getJsonObject("checkIn"), "no emergencyContact key when there is none");
        JsonObject without = read(ServerFrames.event(new Event.SupportRequested("sr2", "p1", "Ann", null, at, null)));
        assertEquals(false, without.containsKey("checkIn") || without.containsKey("note"));
    }

    @Test
    void acksSayWhoHeardAndMessagesWhoTheyAreFor() {
        var outcome = new org.circle.session.Outcome(java.util.Optional.empty(), java.util.List.of(), java.util.List.of(),
                java.util.Optional.of(new org.circle.session.Reply.SupportDelivered("sr1", 0)));
        JsonObject ack = read(ServerFrames.ack("r1", outcome));
        assertEquals("sr1", ack.getString("id"));
        assertEquals(0, ack.getInt("delivered"));
        JsonObject m = read(ServerFrames.event(new Event.Message("m1", "f1", "Lead", "<b>hi</b>", java.time.Instant.parse("2026-11-22T18:05:00Z"), "everyone")));
        assertEquals("<b>hi</b>", m.getString("text"));
        assertEquals("everyone", m.getString("to"));
        assertEquals("Lead", m.getString("fromName"));
        assertEquals("closed", read(ServerFrames.event(new Event.SupportClosed("sr1", "Lead"))).getString("type").substring(8));
    }

    @Test
    void theSenderIdIsEscapedLikeAnyString() {
        JsonObject received = read(ServerFrames.event(new Event.SignalRelayed("p\"1\\", "{}")));
        assertEquals("p\"1\\", received.getString("from"));
    }

    @Test
    void theMediaServersFramesAreWrittenHereWithTheContractsNames() {
        JsonObject offer = read(ServerFrames.mediaOffer("p2", "v=0\r\n"));
        assertEquals("media.offer", offer.getString("type"));
        assertEquals("p2", offer.getString("participant"));
        assertEquals("v=0\r\n", offer.getString("sdp"));
        JsonObject published = read(ServerFrames.mediaPublished("p3", "screen", true));
        assertEquals(Json.createObjectBuilder().add("type", "media.published").add("participant", "p3").add("source", "screen").build(), published);
        assertEquals("media.unpublished", read(ServerFrames.mediaPublished("p3", "camera", false)).getString("type"));
    }
}
