package org.circle.security;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: after logout, a ticket issued before it still worked, a socket opened with that login
 * could still mute and lock, and its resume token gave a fresh facilitator welcome, again and
 * again. Now a logout, and a co-facilitator's removal from the group, end that live control: the
 * socket closes, unused tickets and the resume token are void, and the session is untouched.
 */
@ExtendWith(CircleServer.class)
class LiveControlEndsIT {

    @Test
    void logoutClosesTheSocketAndVoidsTicketsAndResume(Circle circle) {
        Setting s = new Setting(circle);
        Http colleague = coFacilitator(circle, s, "logout");
        String unused = ticket(colleague, s);
        try (Ws f = new Ws(circle.process().baseUrl()); Ws lead = s.connect(s.facilitatorTicket())) {
            f.send(Ws.hello(ticket(colleague, s)));
            String resume = f.await("welcome").getString("resume");
            assertEquals("ack", f.call("lock", "locked", false).getString("type"), "control works while signed in");

            assertEquals(204, colleague.post("/api/auth/logout", null).status());
            assertEquals(1000, f.awaitClose(), "the socket of that login is closed");
            assertRefused(circle, Ws.hello(unused), "a ticket issued before logout");
            assertRefused(circle, Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", resume).build(), "its resume token");
            assertEquals(401, colleague.post("/api/sessions/" + s.sessionId + "/tickets", null).status(), "and no new ticket");
            assertEquals("ack", lead.call("lock", "locked", false).getString("type"), "the session and the other facilitator go on");
        }
    }

    @Test
    void aCoFacilitatorTakenOffTheGroupLosesTheSession(Circle circle) {
        Setting s = new Setting(circle);
        Http colleague = coFacilitator(circle, s, "removed");
        String unused = ticket(colleague, s);
        try (Ws f = new Ws(circle.process().baseUrl())) {
            f.send(Ws.hello(ticket(colleague, s)));
            String id = f.await("welcome").getJsonObject("you").getString("id");
            assertEquals(204, circle.admin().delete("/api/groups/" + s.groupId + "/facilitators/" + id.substring(1)).status());
            assertEquals(1000, f.awaitClose(), "their socket is closed");
            assertRefused(circle, Ws.hello(unused), "their unused ticket");
            assertEquals(404, colleague.post("/api/sessions/" + s.sessionId + "/tickets", null).status(), "the session is no longer theirs");
        }
    }

    /** A second facilitator of the group, signed in with their own login. */
    private static Http coFacilitator(Circle circle, Setting s, String tag) {
        String email = tag + System.nanoTime() + "@clinic.test";
        assertEquals(201, circle.admin().post("/api/facilitators", json("email", email, "displayName", "Co " + tag,
                "password", "another long passphrase")).status());
        assertEquals(204, circle.admin().post("/api/groups/" + s.groupId + "/facilitators", json("email", email)).status());
        return circle.http().as(circle.http().post("/api/auth/login", json("email", email, "password", "another long passphrase"))
                .json().getString("token"));
    }

    private static String ticket(Http facilitator, Setting s) {
        var answer = facilitator.post("/api/sessions/" + s.sessionId + "/tickets", null);
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().getString("ticket");
    }

    private static void assertRefused(Circle circle, JsonObject hello, String what) {
        try (Ws ws = new Ws(circle.process().baseUrl())) {
            ws.send(hello);
            JsonObject error = ws.await("error");
            assertEquals("TICKET_INVALID", error.getString("code"), what + " is void: " + error);
            assertTrue(ws.awaitClose() > 0);
        }
    }
}
