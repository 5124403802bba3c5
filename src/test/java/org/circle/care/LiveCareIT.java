package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Colleague;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Support requests and private messages over real sockets, against a running server and MariaDB:
 * a request made while no facilitator is connected is kept and reaches the first one to arrive,
 * with the member's check-in; an acknowledgement tells the member who saw it and closes it for
 * the other facilitator; messages reach exactly their sender, their addressee and the facilitators.
 */
@ExtendWith(CircleServer.class)
class LiveCareIT {

    private static final String LOCATION = "Flat 3, 41 Quarry Lane";
    private static final String PHONE = "+44 7700 900777";
    private static final String SECRET = "my sister's name is Odile";

    private static String id(Ws ws) { return ws.await("welcome").getJsonObject("you").getString("id"); }

    /** A session whose waiting room is open now, so members may arrive before any facilitator. */
    private static Setting openNow(Circle circle) {
        Setting s = new Setting(circle);
        assertEquals(200, circle.admin().send("PATCH", "/api/sessions/" + s.sessionId,
                json("startsAt", Instant.now().toString()).toString(), "application/json").status());
        return s;
    }

    private static Ws arrive(Setting s, String ticket) {
        Ws ws = new Ws(s.circle.process().baseUrl());
        ws.send(Ws.hello(ticket));
        return ws;
    }

    /** The frames of {@code type} a socket received (and nobody awaited) within a short while. */
    private static List<JsonObject> received(Ws ws, String type) {
        return ws.drain(400).stream().filter(f -> f.getString("type").equals(type)).toList();
    }

    @Test
    void aRequestWithNobodyThereWaitsForTheFirstFacilitatorAndIsClosedByAnAcknowledgement(Circle circle) {
        Setting s = openNow(circle);
        String ann = s.member("Ann");
        assertEquals(201, circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId,
                "location", LOCATION, "phone", PHONE, "emergencyContact", "Odile 07700 900888", "privateSpace", true)).status());
        Colleague co = Colleague.add(circle, "co");
        assertEquals(204, circle.admin().post("/api/groups/" + s.groupId + "/facilitators", json("email", co.email)).status());

        Ws a = arrive(s, s.memberTicket(ann));
        String annId = id(a);
        JsonObject ack = a.call("support.request", "note", "I feel unsafe");
        assertEquals("ack", ack.getString("type"), ack.toString());
        assertEquals(0, ack.getInt("delivered"), "no facilitator is connected: the member must be told so");
        String request = ack.getString("id");

        Ws f = arrive(s, s.facilitatorTicket());
        id(f);
        JsonObject seen = f.await("support.requested");
        assertEquals(request, seen.getString("id"));
        assertEquals(annId, seen.getString("participant"));
        assertEquals("Ann", seen.getString("displayName"), "a waiting member is named, not 'someone'");
        assertEquals("I feel unsafe", seen.getString("note"));
        assertEquals(LOCATION, seen.getJsonObject("checkIn").getString("location"));
        assertEquals(PHONE, seen.getJsonObject("checkIn").getString("phone"));
        assertEquals("Odile 07700 900888", seen.getJsonObject("checkIn").getString("emergencyContact"));

        Ws g = arrive(s, co.http.post("/api/sessions/" + s.sessionId + "/tickets", null).json().getString("ticket"));
        id(g);
        assertEquals(request, g.await("support.requested").getString("id"), "every facilitator who arrives sees it while it is open");

        assertEquals("ack", f.call("support.ack", "id", request).getString("type"));
        JsonObject acknowledged = a.await("support.acknowledged");
        assertEquals(request, acknowledged.getString("id"));
        assertEquals("Lead Facilitator", acknowledged.getString("by"));
        JsonObject closed = g.await("support.closed");
        assertEquals(request, closed.getString("id"));
        assertEquals("Lead Facilitator", closed.getString("by"));
        JsonObject late = g.call("support.ack", "id", request);
        assertEquals("UNKNOWN_REQUEST", late.getString("code"), late.toString());
        assertTrue(late.getString("message").contains("Lead Facilitator"), late.toString());
        assertEquals("FORBIDDEN", a.call("support.ack", "id", request).getString("code"));

        JsonObject second = a.call("support.request");
        assertEquals(2, second.getInt("delivered"), "both facilitators are connected now");
        assertEquals(second.getString("id"), f.await(fr -> fr.getString("type").equals("support.requested")).getString("id"));
        assertEquals(second.getString("id"), g.await(fr -> fr.getString("type").equals("support.requested")).getString("id"));

        // The live state the server saves for a restart holds the note and the check-in: sealed
        try (var c = circle.database().connect(); var q = c.prepareStatement("SELECT saved_form FROM live_room WHERE session_id = ?")) {
            q.setString(1, s.sessionId);
            try (var rows = q.executeQuery()) {
                assertTrue(rows.next(), "the session's live state is saved");
                String form = rows.getString(1);
                int colon = form.indexOf(':');
                assertTrue(colon > 0, "sealed (keyId:…), not plain Base64");
                String bytes = new String(java.util.Base64.getDecoder().decode(form.substring(colon + 1)), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String typed : List.of("I feel unsafe", "Quarry Lane", "900777", "Odile")) assertFalse(bytes.contains(typed), typed);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        f.drop(); // a facilitator who reconnects is given every open request again
        Ws f2 = arrive(s, s.facilitatorTicket());
        id(f2);
        assertEquals(second.getString("id"), f2.await("support.requested").getString("id"));
        for (Ws ws : List.of(a, f2, g)) ws.close();
    }

    @Test
    void messagesReachExactlyTheRightPeople(Circle circle) {
        Setting s = openNow(circle);
        Ws f = arrive(s, s.facilitatorTicket());
        id(f);
        Colleague co = Colleague.add(circle, "co2");
        assertEquals(204, circle.admin().post("/api/groups/" + s.groupId + "/facilitators", json("email", co.email)).status());
        Ws g = arrive(s, co.http.post("/api/sessions/" + s.sessionId + "/tickets", null).json().getString("ticket"));
        id(g);
        Ws bo = arrive(s, s.memberTicket(s.member("Bo")));
        String boId = id(bo);
        Ws cy = arrive(s, s.memberTicket(s.member("Cy")));
        String cyId = id(cy);
        Ws wyn = arrive(s, s.memberTicket(s.member("Wyn")));
        String wynId = id(wyn);
        assertEquals("ack", f.call("admit", "participant", boId).getString("type"));
        assertEquals("ack", f.call("admit", "participant", cyId).getString("type"));
        bo.await("admitted");
        cy.await("admitted");
        for (Ws ws : List.of(f, g, bo, cy, wyn)) ws.drain(300);
        Map<String, Ws> everyone = Map.of("f", f, "g", g, "bo", bo, "cy", cy, "wyn", wyn);

        // From the waiting room to the facilitators
        JsonObject sent = wyn.call("message.facilitators", "text", SECRET);
        assertEquals(2, sent.getInt("delivered"), sent.toString());
        assertReached(everyone, List.of("f", "g", "wyn"), SECRET, "facilitators");

        // From a facilitator to one admitted member, and to one waiting member
        assertEquals("ack", f.call("message.send", "text", "Are you all right, Bo?", "participant", boId).getString("type"));
        assertReached(everyone, List.of("f", "g", "bo"), "Are you all right, Bo?", boId);
        assertEquals("ack", g.call("message.send", "text", "We will let you in soon", "participant", wynId).getString("type"));
        assertReached(everyone, List.of("f", "g", "wyn"), "We will let you in soon", wynId);

        // To everyone admitted: the waiting room is not the room
        assertEquals("ack", f.call("message.send", "text", "Ten minutes left").getString("type"));
        assertReached(everyone, List.of("f", "g", "bo", "cy"), "Ten minutes left", "everyone");

        // Members cannot write to each other, and bad input is refused clearly
        assertEquals("FORBIDDEN", bo.call("message.send", "text", "psst", "participant", cyId).getString("code"));
        JsonObject tooLong = bo.call("message.facilitators", "text", "x".repeat(1001));
        assertEquals("BAD_MESSAGE", tooLong.getString("code"));
        assertTrue(tooLong.getString("message").contains("1000"), tooLong.toString());
        assertEquals("BAD_MESSAGE", bo.call("message.facilitators").getString("code"));
        assertEquals("UNKNOWN_PARTICIPANT", f.call("message.send", "text", "hi", "participant", "p-nobody").getString("code"));
        for (Ws ws : everyone.values()) assertTrue(received(ws, "message").isEmpty(), "a refused message reaches nobody");

        assertFalse(circle.process().log().contains(SECRET), "a message's text is never logged");
        assertFalse(circle.process().log().contains("Are you all right"), "a message's text is never logged");
        for (Ws ws : everyone.values()) ws.close();
    }

    @Test
    void aRequiredCheckInGatesAdmissionAndTheWaitingListShowsIt(Circle circle) {
        Setting s = openNow(circle);
        assertEquals(200, CareIT.patch(circle.admin(), s.groupId, json("checkIn", "required")).status());
        Ws f = arrive(s, s.facilitatorTicket());
        id(f);
        String dee = s.member("Dee");
        Ws d = arrive(s, s.memberTicket(dee));
        String deeId = id(d);
        JsonObject entry = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0);
        assertEquals("missing", entry.getString("checkIn"));
        assertFalse(entry.getBoolean("privateSpace"));
        JsonObject refused = f.call("admit", "participant", deeId);
        assertEquals("CHECK_IN_MISSING", refused.getString("code"), refused.toString());
        assertEquals(List.of(deeId), f.call("admit.all").getJsonArray("waiting").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "admit.all leaves her waiting");

        // A check-in made while waiting counts at once
        assertEquals(201, circle.http().post("/api/invitations/" + dee + "/check-ins", json("sessionId", s.sessionId,
                "location", LOCATION, "phone", PHONE, "privateSpace", true)).status());
        JsonObject done = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1
                && fr.getJsonArray("waiting").getJsonObject(0).getString("checkIn").equals("done")).getJsonArray("waiting").getJsonObject(0);
        assertTrue(done.getBoolean("privateSpace"));
        assertEquals("ack", f.call("admit", "participant", deeId).getString("type"));
        d.await("admitted");

        // The group's setting changed mid-session applies to the next admission
        assertEquals(200, CareIT.patch(circle.admin(), s.groupId, json("checkIn", "optional")).status());
        Ws e = arrive(s, s.memberTicket(s.member("Eli")));
        String eliId = id(e);
        assertEquals("ack", f.call("admit", "participant", eliId).getString("type"), "optional: no gate");
        for (Ws ws : List.of(f, d, e)) ws.close();
    }

    @Test
    void aMemberWhoDropsAndDoesNotComeBackIsAnAlertUntilAFacilitatorAcknowledgesIt(Circle circle) {
        Setting s = openNow(circle);
        Ws f = arrive(s, s.facilitatorTicket());
        id(f);
        String fay = s.member("Fay");
        assertEquals(201, circle.http().post("/api/invitations/" + fay + "/check-ins", json("sessionId", s.sessionId,
                "location", LOCATION, "phone", PHONE, "privateSpace", false)).status());
        Ws m = arrive(s, s.memberTicket(fay));
        String fayId = id(m);
        Ws other = arrive(s, s.memberTicket(s.member("Gus")));
        String gusId = id(other);
        assertEquals("ack", f.call("admit", "participant", fayId).getString("type"));
        assertEquals("ack", f.call("admit", "participant", gusId).getString("type"));
        m.await("admitted");
        other.await("admitted");

        m.drop(); // the connection goes, and nothing comes back within the 60 s grace
        JsonObject dropped = null;
        long deadline = System.currentTimeMillis() + 80_000;
        while (dropped == null && System.currentTimeMillis() < deadline) {
            dropped = received(f, "participant.dropped").stream().findFirst().orElse(null);
        }
        assertTrue(dropped != null, "the facilitator is told that Fay dropped out");
        assertEquals(fayId, dropped.getString("participant"));
        assertEquals("Fay", dropped.getString("displayName"));
        assertEquals(PHONE, dropped.getJsonObject("checkIn").getString("phone"), "with the number to call her back on");
        assertTrue(received(other, "participant.dropped").isEmpty(), "the other members are not told");
        assertEquals("ack", f.call("support.ack", "id", dropped.getString("id")).getString("type"));
        assertEquals("UNKNOWN_REQUEST", f.call("support.ack", "id", dropped.getString("id")).getString("code"));
        for (Ws ws : List.of(f, other)) ws.close();
    }

    /** Exactly {@code who} received one message with this text and {@code to}; everyone else none. */
    private static void assertReached(Map<String, Ws> everyone, List<String> who, String text, String to) {
        for (var e : everyone.entrySet()) {
            List<JsonObject> messages = received(e.getValue(), "message");
            if (who.contains(e.getKey())) {
                assertEquals(1, messages.size(), e.getKey() + " receives it once: " + messages);
                assertEquals(text, messages.get(0).getString("text"));
                assertEquals(to, messages.get(0).getString("to"));
            } else {
                assertTrue(messages.isEmpty(), e.getKey() + " must not receive " + messages);
            }
        }
    }
}
