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
    void theSenderIdIsEscapedLikeAnyString() {
        JsonObject received = read(ServerFrames.event(new Event.SignalRelayed("p\"1\\", "{}")));
        assertEquals("p\"1\\", received.getString("from"));
    }
}
