package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: a member's invitation link opened on another device while the member was admitted
 * went straight in, admitted under their name, and closed the member's own socket with 4005. Now
 * the other device waits like any arrival, the facilitator sees whose second device it is, and
 * only a resume token (the same connection) goes straight back in.
 */
@ExtendWith(CircleServer.class)
class SecondDeviceIT {

    @Test
    void anotherDeviceWaitsAndTheFacilitatorSeesWhoseItIs(Circle circle) {
        Setting s = new Setting(circle);
        String invitation = s.member("Alex");
        try (Ws lead = s.connect(s.facilitatorTicket()); Ws first = new Ws(circle.process().baseUrl())) {
            first.send(Ws.hello(s.memberTicket(invitation)));
            JsonObject welcome = first.await("welcome");
            String id = welcome.getJsonObject("you").getString("id");
            assertEquals("ack", lead.call("admit", "participant", id).getString("type"));
            first.await("admitted");

            // The same device, with its resume token: straight back to where it was.
            first.drop();
            Ws again = new Ws(circle.process().baseUrl());
            again.send(Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", welcome.getString("resume")).build());
            JsonObject back = again.await("welcome");
            assertEquals(id, back.getJsonObject("you").getString("id"));
            assertEquals("admitted", back.getJsonObject("you").getString("status"), "a resume does not wait again");

            try (again; Ws other = new Ws(circle.process().baseUrl())) {
                lead.drain(300);
                other.send(Ws.hello(s.memberTicket(invitation)));
                JsonObject second = other.await("welcome");
                String otherId = second.getJsonObject("you").getString("id");
                assertEquals("waiting", second.getJsonObject("you").getString("status"), "a fresh ticket waits, like any arrival");
                assertFalse(otherId.equals(id), "a place of its own, not the member's");
                assertTrue(other.drain(500).stream().noneMatch(f -> f.getString("type").equals("roster")), "it learns nothing of the room");
                assertFalse(again.isClosed(), "the admitted device stays as it is");

                JsonObject entry = lead.await(f -> f.getString("type").equals("waiting.list") && !f.getJsonArray("waiting").isEmpty())
                        .getJsonArray("waiting").getJsonObject(0);
                assertEquals(otherId, entry.getString("id"));
                assertTrue(entry.getBoolean("secondDevice"), "the facilitator sees it is a second device: " + entry);
                assertEquals(id, entry.getString("alsoAdmitted"), "of that member");

                assertEquals("ack", lead.call("admit", "participant", otherId).getString("type"));
                other.await("admitted");
                assertEquals(4005, again.awaitClose(), "admitted, it replaces the member's other device");
                JsonObject roster = lead.await(f -> f.getString("type").equals("roster")
                        && f.getJsonArray("participants").stream().anyMatch(p -> p.asJsonObject().getString("id").equals(otherId)));
                assertTrue(roster.getJsonArray("participants").stream().noneMatch(p -> p.asJsonObject().getString("id").equals(id)));
            }
        }
    }
}
