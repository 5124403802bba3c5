package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Check-outs after a real live session: refused while it runs, then averaged, and the goal comes back at the next check-in. */
@ExtendWith(CircleServer.class)
class CheckOutIT {

    private static Http.Answer checkOut(Circle circle, String token, String sessionId, int c, int t, int a, int o, String goal) {
        return circle.http().post("/api/invitations/" + token + "/check-outs", json("sessionId", sessionId,
                "ratings", json("connection", c, "topics", t, "approach", a, "overall", o), "comment", "It helped to hear Bo", "goal", goal));
    }

    @Test
    void checkOutsOpenWhenTheMemberLeavesOrTheSessionEnds(Circle circle) throws InterruptedException {
        Setting s = new Setting(circle);
        String ann = s.member("Ann");
        String bo = s.member("Bo");
        assertEquals("SESSION_NOT_OVER", checkOut(circle, ann, s.sessionId, 8, 7, 9, 8, "x").code());

        Ws f = s.connect(s.facilitatorTicket());
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        String aId = a.await("welcome").getJsonObject("you").getString("id");
        Ws b = new Ws(circle.process().baseUrl());
        b.send(Ws.hello(s.memberTicket(bo)));
        String bId = b.await("welcome").getJsonObject("you").getString("id");
        assertEquals("ack", f.call("admit", "participant", aId).getString("type"));
        assertEquals("ack", f.call("admit", "participant", bId).getString("type"));
        a.await("admitted");
        b.await("admitted");
        var during = checkOut(circle, ann, s.sessionId, 8, 7, 9, 8, "x");
        assertEquals(409, during.status());
        assertEquals("SESSION_NOT_OVER", during.code());

        a.call("leave");
        a.awaitClose();
        var afterLeaving = checkOut(circle, ann, s.sessionId, 8, 7, 9, 8, "Walk every morning");
        assertEquals(201, afterLeaving.status(), "Ann left: " + afterLeaving);
        assertEquals(s.sessionId, afterLeaving.json().getString("sessionId"));
        assertEquals("SESSION_NOT_OVER", checkOut(circle, bo, s.sessionId, 4, 5, 6, 3, "y").code(), "Bo is still in the session");

        f.call("session.end");
        b.awaitClose();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!circle.admin().get("/api/sessions/" + s.sessionId).json().getString("state").equals("ended") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(201, checkOut(circle, bo, s.sessionId, 4, 5, 6, 3, null).status());
        assertEquals(201, checkOut(circle, ann, s.sessionId, 9, 7, 9, 8, "Walk every morning, before work").status(), "a second check-out replaces the first");

        JsonObject all = circle.admin().get("/api/sessions/" + s.sessionId + "/check-outs").json();
        JsonArray answers = all.getJsonArray("answers");
        assertEquals(2, answers.size(), all.toString());
        JsonObject averages = all.getJsonObject("averages");
        assertEquals(2, averages.getInt("count"));
        assertEquals(6.5, averages.getJsonNumber("connection").doubleValue());
        assertEquals(6.0, averages.getJsonNumber("topics").doubleValue());
        assertEquals(7.5, averages.getJsonNumber("approach").doubleValue());
        assertEquals(5.5, averages.getJsonNumber("overall").doubleValue());
        assertTrue(all.toString().contains("Walk every morning, before work") && all.toString().contains("It helped to hear Bo"));

        assertEquals(401, circle.http().get("/api/sessions/" + s.sessionId + "/check-outs").status(), "members never see the answers");
        assertEquals(401, circle.http().get("/api/groups/" + s.groupId + "/check-outs").status());
        assertEquals("SESSION_ENDED", CareIT.checkIn(circle, ann, s.sessionId, "home", "123 456").code());

        JsonObject annCare = circle.http().get("/api/invitations/" + ann).json().getJsonObject("care");
        assertEquals("Walk every morning, before work", annCare.getJsonObject("lastGoal").getString("text"));
        assertEquals(s.sessionId, annCare.getJsonObject("lastGoal").getString("sessionId"));
        String boInvitation = circle.http().get("/api/invitations/" + bo).body();
        assertFalse(boInvitation.contains("lastGoal") || boInvitation.contains("Walk every morning"), "nobody sees another's goal: " + boInvitation);
    }

    @Test
    void theGroupsTrendListsEachSessionsAveragesOldestFirst(Circle circle) {
        Setting s = new Setting(circle);
        String later = circle.admin().post("/api/groups/" + s.groupId + "/sessions",
                json("title", "Next week", "startsAt", "2026-11-29T18:00:00Z", "minutes", 90)).json().getString("id");
        circle.admin().post("/api/groups/" + s.groupId + "/sessions", json("title", "Not yet", "startsAt", "2026-12-06T18:00:00Z", "minutes", 90));
        String ann = s.member("Ann");
        end(s, s.sessionId);
        end(s, later);
        checkOut(circle, ann, s.sessionId, 2, 2, 2, 2, "First goal");
        checkOut(circle, ann, later, 6, 7, 8, 9, "Second goal");
        JsonArray trend = circle.admin().get("/api/groups/" + s.groupId + "/check-outs").structure().asJsonArray();
        assertEquals(2, trend.size(), "the session not yet held has no place: " + trend);
        assertEquals(s.sessionId, trend.getJsonObject(0).getString("sessionId"));
        assertEquals(2.0, trend.getJsonObject(0).getJsonObject("averages").getJsonNumber("overall").doubleValue());
        assertEquals("Next week", trend.getJsonObject(1).getString("title"));
        assertEquals(9.0, trend.getJsonObject(1).getJsonObject("averages").getJsonNumber("overall").doubleValue());
        assertEquals("Second goal", circle.http().get("/api/invitations/" + ann).json().getJsonObject("care")
                .getJsonObject("lastGoal").getString("text"));

        var bad = circle.http().post("/api/invitations/" + ann + "/check-outs", json("sessionId", later,
                "ratings", json("connection", 1, "topics", 2, "approach", 3, "overall", 11)));
        CareIT.bad(bad, "ratings.overall");
        CareIT.bad(circle.http().post("/api/invitations/" + ann + "/check-outs", json("sessionId", later,
                "ratings", json("connection", 1, "topics", 2, "approach", 3, "overall", 4), "goal", "g".repeat(301))), "goal");
        assertEquals(404, checkOut(circle, new Setting(circle).member("Cy"), later, 1, 1, 1, 1, null).status(), "another group's session");
        assertEquals(404, CareIT.colleague(circle).get("/api/groups/" + s.groupId + "/check-outs").status());
    }

    /** Opens and ends a session through the live socket, as a facilitator does. */
    private static void end(Setting s, String sessionId) {
        String ticket = s.circle.admin().post("/api/sessions/" + sessionId + "/tickets", null).json().getString("ticket");
        Ws f = new Ws(s.circle.process().baseUrl());
        f.send(Ws.hello(ticket));
        f.await("welcome");
        assertEquals("ack", f.call("session.end").getString("type"));
        f.awaitClose();
    }
}
