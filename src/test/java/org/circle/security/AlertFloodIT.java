package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: a waiting member sent 347 support requests of 500 characters in 10 s, and every one
 * reached the facilitator as a new alert with a chime. Now each person has a pace (refusals say
 * RATE_LIMITED and how long to wait) and a repeat updates the person's one open alert.
 */
@ExtendWith(CircleServer.class)
class AlertFloodIT {

    private static final int FLOOD = 347;

    @Test
    void aFloodOfSupportRequestsIsOneAlert(Circle circle) throws InterruptedException {
        Setting s = new Setting(circle);
        try (Ws lead = s.connect(s.facilitatorTicket()); Ws flooder = s.connect(s.memberTicket(s.member("Flood")))) {
            lead.drain(300);
            String note = "x".repeat(500);
            long start = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                flooder.send(Json.createObjectBuilder().add("type", "support.request").add("ref", "f" + i).add("note", note).build());
                long due = start + i * 10_000_000_000L / FLOOD;
                long wait = (due - System.nanoTime()) / 1_000_000;
                if (wait > 0) Thread.sleep(wait);
            }
            List<JsonObject> answers = flooder.drain(1500).stream().filter(f -> f.getString("ref", "").startsWith("f")).toList();
            long acks = answers.stream().filter(f -> f.getString("type").equals("ack")).count();
            List<JsonObject> refused = answers.stream().filter(f -> f.getString("type").equals("error")).toList();
            assertEquals(FLOOD, acks + refused.size(), "every request is answered");
            assertTrue(acks >= 3 && acks <= 5, "a few at once, then one every 10 s: " + acks);
            assertTrue(refused.stream().allMatch(f -> f.getString("code").equals("RATE_LIMITED") && f.getInt("retryAfter") >= 1),
                    "each refusal says to wait, and how long: " + refused.get(0));

            List<JsonObject> alerts = lead.drain(500).stream().filter(f -> f.getString("type").equals("support.requested")).toList();
            Set<String> ids = alerts.stream().map(f -> f.getString("id")).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "one alert for the facilitator, however often they asked");
            assertEquals(acks, alerts.size(), "and one update per accepted request, no more");
            JsonObject last = alerts.get(alerts.size() - 1);
            assertEquals(acks, last.getInt("count"), "the alert counts the repeats: " + last);
            assertTrue(last.containsKey("lastAt"));
        }
    }

    @Test
    void aFloodOfMessagesToTheFacilitatorsIsPaced(Circle circle) {
        Setting s = new Setting(circle);
        try (Ws lead = s.connect(s.facilitatorTicket()); Ws flooder = s.connect(s.memberTicket(s.member("Chatter")))) {
            lead.drain(300);
            for (int i = 0; i < 100; i++) {
                flooder.send(Json.createObjectBuilder().add("type", "message.facilitators").add("ref", "m" + i).add("text", "y".repeat(1000)).build());
            }
            List<JsonObject> answers = flooder.drain(1500).stream().filter(f -> f.getString("ref", "").startsWith("m")).toList();
            long acks = answers.stream().filter(f -> f.getString("type").equals("ack")).count();
            assertEquals(100, answers.size(), "every message is answered");
            assertTrue(acks >= 5 && acks <= 6, "five at once, then one every 3 s: " + acks);
            long heard = lead.drain(500).stream().filter(f -> f.getString("type").equals("message")).count();
            assertEquals(acks, heard, "the facilitator hears only the accepted ones");
            assertEquals("ack", lead.call("message.send", "text", "Please slow down, I am reading.").getString("type"),
                    "the facilitator's own messages go on");
        }
    }
}
