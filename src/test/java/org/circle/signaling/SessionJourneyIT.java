package org.circle.signaling;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A facilitator and three members through a whole session, over real sockets, against MariaDB. */
@ExtendWith(CircleServer.class)
class SessionJourneyIT {

    private static final List<String> ABOUT_OTHERS = List.of("roster", "hands", "floor", "round", "participant.joined", "signal", "support.requested", "waiting.list");

    private static String id(JsonObject welcome) { return welcome.getJsonObject("you").getString("id"); }

    @Test
    void aWholeSession(Circle circle) {
        Setting s = new Setting(circle);
        String ann = s.member("Ann"), bo = s.member("Bo"), cy = s.member("Cy");

        Ws f = new Ws(circle.process().baseUrl());
        f.send(Ws.hello(s.facilitatorTicket()));
        JsonObject fw = f.await("welcome");
        assertEquals("facilitator", fw.getJsonObject("you").getString("role"));
        assertEquals("admitted", fw.getJsonObject("you").getString("status"));
        assertEquals("mesh", fw.getJsonObject("session").getString("media"));

        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        JsonObject aw = a.await("welcome");
        assertEquals("waiting", aw.getJsonObject("you").getString("status"));
        a.await("waiting");
        Ws b = s.connect(s.memberTicket(bo));
        Ws c = s.connect(s.memberTicket(cy));
        String aId = id(aw);
        JsonObject list = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 3);
        assertEquals("complete", list.getJsonArray("waiting").getJsonObject(0).getString("consent"));
        assertEquals("Ann", list.getJsonArray("waiting").getJsonObject(0).getString("displayName"));

        assertEquals("ack", f.call("admit", "participant", aId).getString("type"));
        a.await("admitted");
        JsonObject roster = a.await("roster");
        assertEquals(2, roster.getJsonArray("participants").size());
        for (JsonObject frame : b.drain(200)) assertFalse(ABOUT_OTHERS.contains(frame.getString("type")), "a waiting person learns nothing: " + frame);

        JsonObject all = f.call("admit.all");
        assertEquals("ack", all.getString("type"));
        assertEquals(0, all.getJsonArray("waiting").size());
        b.await("admitted");
        c.await("admitted");
        String bId = b.await("roster").getJsonArray("participants").getJsonObject(2).getString("id");
        JsonObject cRoster = c.await("roster");
        String cId = cRoster.getJsonArray("participants").getJsonObject(3).getString("id");

        // Hands and the floor
        assertEquals("ack", b.call("hand.raise").getString("type"));
        assertEquals(bId, a.await(fr -> fr.getString("type").equals("hands") && fr.getJsonArray("queue").size() == 1)
                .getJsonArray("queue").getJsonObject(0).getString("participant"));
        assertEquals("FORBIDDEN", b.call("floor.grant", "participant", bId).getString("code"));
        f.call("floor.grant", "participant", bId, "seconds", 30);
        JsonObject floor = c.await(fr -> fr.getString("type").equals("floor") && bId.equals(fr.getString("participant", null)));
        assertTrue(floor.getString("endsAt").endsWith("Z"));

        // A round in which someone passes
        f.call("round.start");
        JsonObject round = c.await(fr -> fr.getString("type").equals("round") && fr.getBoolean("active"));
        assertEquals(List.of(aId, bId, cId), round.getJsonArray("order").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("NOT_YOUR_TURN", c.call("round.pass").getString("code"));
        assertEquals("ack", a.call("round.pass").getString("type"));
        c.await(fr -> fr.getString("type").equals("round") && bId.equals(fr.getString("current", null)));

        // A private signal for support
        c.call("support.request", "note", "I need a moment");
        JsonObject support = f.await("support.requested");
        assertEquals(cId, support.getString("participant"));
        assertEquals("I need a moment", support.getString("note"));

        // Mesh signalling between admitted people
        a.call("signal", "to", cId, "payload", json("description", json("type", "offer", "sdp", "v=0")));
        JsonObject relayed = c.await("signal");
        assertEquals(aId, relayed.getString("from"));
        assertEquals("offer", relayed.getJsonObject("payload").getJsonObject("description").getString("type"));
        for (JsonObject frame : a.drain(100)) assertFalse(frame.getString("type").equals("support.requested"), "support is private");

        // Resume after a dropped socket keeps the place
        b.drop();
        f.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").stream()
                .anyMatch(p -> p.asJsonObject().getString("id").equals(bId) && !p.asJsonObject().getBoolean("connected")));

        // Removal: C is removed and cannot come back
        assertEquals("ack", f.call("remove", "participant", cId, "reason", "Taking a break").getString("type"));
        JsonObject removed = c.await("removed");
        assertEquals("Taking a break", removed.getString("reason"));
        assertEquals(4001, c.awaitClose());
        // The removal holds: the ticket desk already says why (the socket would refuse too: SwitchboardTest).
        var again = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", cy));
        assertEquals(403, again.status(), again.toString());
        assertEquals("FORBIDDEN", again.code());
        assertEquals("You were removed from this session.", again.json().getString("message"));

        // Lock: no new tickets for members
        f.call("lock", "locked", true);
        a.await(fr -> fr.getString("type").equals("session.state") && fr.getBoolean("locked"));
        var refused = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", s.member("Dee")));
        assertEquals(409, refused.status());
        assertEquals("LOCKED", refused.code());
        assertTrue(circle.admin().get("/api/sessions/" + s.sessionId).json().getBoolean("locked"));

        // End
        assertEquals("ack", f.call("session.end").getString("type"));
        a.await("session.ended");
        assertEquals(4002, a.awaitClose());
        assertEquals(4002, f.awaitClose());
        assertEquals("ended", circle.admin().get("/api/sessions/" + s.sessionId).json().getString("state"));
        var ended = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", ann));
        assertEquals("SESSION_ENDED", ended.code());

        var attendance = circle.admin().get("/api/sessions/" + s.sessionId + "/attendance").structure().asJsonArray();
        assertEquals(4, attendance.size(), attendance.toString());
        JsonObject annRow = attendance.stream().map(v -> v.asJsonObject()).filter(r -> r.getString("participant").equals(aId)).findFirst().orElseThrow();
        assertEquals("ended", annRow.getString("outcome"));
        assertTrue(annRow.containsKey("admittedAt") && annRow.containsKey("waitingSince") && annRow.containsKey("leftAt"));
        assertEquals(1, annRow.getInt("turns"), "Ann had one turn in the round");
        JsonObject cyRow = attendance.stream().map(v -> v.asJsonObject()).filter(r -> r.getString("participant").equals(cId)).findFirst().orElseThrow();
        assertEquals("removed", cyRow.getString("outcome"));
        JsonObject boRow = attendance.stream().map(v -> v.asJsonObject()).filter(r -> r.getString("participant").equals(bId)).findFirst().orElseThrow();
        assertEquals(2, boRow.getInt("turns"), "Bo had the floor, then a turn in the round");
    }

    @Test
    void aDroppedSocketResumesWithoutWaitingAgain(Circle circle) {
        Setting s = new Setting(circle);
        String ann = s.member("Ann");
        Ws f = s.connect(s.facilitatorTicket());
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        JsonObject welcome = a.await("welcome");
        String aId = id(welcome);
        f.call("admit", "participant", aId);
        a.await("admitted");
        a.drop();
        f.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").stream()
                .anyMatch(p -> p.asJsonObject().getString("id").equals(aId) && !p.asJsonObject().getBoolean("connected")));

        Ws again = new Ws(circle.process().baseUrl());
        again.send(jakarta.json.Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", welcome.getString("resume")).build());
        JsonObject second = again.await("welcome");
        assertEquals(aId, id(second));
        assertEquals("admitted", second.getJsonObject("you").getString("status"), "no waiting again");
        again.await("roster");
        f.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").stream()
                .anyMatch(p -> p.asJsonObject().getString("id").equals(aId) && p.asJsonObject().getBoolean("connected")));

        Ws replay = new Ws(circle.process().baseUrl());
        replay.send(jakarta.json.Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", welcome.getString("resume")).build());
        assertEquals("TICKET_INVALID", replay.await("error").getString("code"), "a resume token works once");
        assertEquals(1008, replay.awaitClose());
    }

    @Test
    void revokingAMemberClosesTheirSocket(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        var invited = circle.admin().post("/api/groups/" + s.groupId + "/members", json("displayName", "Rae")).json();
        Ws r = s.connect(s.memberTicket(invited.getJsonObject("invitation").getString("token")));
        assertEquals(204, circle.admin().delete("/api/groups/" + s.groupId + "/members/" + invited.getString("id")).status());
        assertEquals(4004, r.awaitClose());
        f.close();
    }
}
