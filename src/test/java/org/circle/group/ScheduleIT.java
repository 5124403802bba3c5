package org.circle.group;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Colleague;
import org.circle.testing.Http;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calendar as members and facilitators live it: the join page is offered the session that is
 * open now (not a skipped one), and a facilitator can change, cancel and delete what is planned.
 */
@ExtendWith(CircleServer.class)
class ScheduleIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private record Group(String id, String invitation) { }

    private static Group group(Circle circle) {
        Http admin = circle.admin();
        String gid = admin.post("/api/groups", json("name", "Calendar group " + System.nanoTime())).json().getString("id");
        String token = admin.post("/api/groups/" + gid + "/members", json("displayName", "Pat")).json().getJsonObject("invitation").getString("token");
        return new Group(gid, token);
    }

    private static String schedule(Circle circle, String gid, String title, Instant startsAt, int minutes) {
        var s = circle.admin().post("/api/groups/" + gid + "/sessions", json("title", title, "startsAt", startsAt.toString(), "minutes", minutes));
        assertEquals(201, s.status(), s.toString());
        return s.json().getString("id");
    }

    private static Http.Answer patch(Http as, String sid, JsonObject body) {
        return as.send("PATCH", "/api/sessions/" + sid, body.toString(), "application/json");
    }

    private static Http.Answer memberTicket(Circle circle, String sid, String invitation) {
        return circle.http().post("/api/sessions/" + sid + "/tickets", json("invitation", invitation));
    }

    private static List<String> offered(Circle circle, String invitation, String field) {
        JsonArray sessions = circle.http().get("/api/invitations/" + invitation).json().getJsonArray("sessions");
        return sessions.stream().map(v -> v.asJsonObject().get(field).toString().replace("\"", "")).toList();
    }

    @Test
    void theJoinPageIsOfferedTheOpenSessionFirstAndNeverASkippedOne(Circle circle) {
        Group g = group(circle);
        schedule(circle, g.id(), "Skipped last week", NOW.minus(Duration.ofDays(7)), 90);
        String nextWeek = schedule(circle, g.id(), "Next week", NOW.plus(Duration.ofDays(7)), 90);
        String cancelled = schedule(circle, g.id(), "Cancelled", NOW.plus(Duration.ofDays(3)), 90);
        assertEquals(200, circle.admin().post("/api/sessions/" + cancelled + "/cancel", null).status());
        String tonight = schedule(circle, g.id(), "Tonight", NOW.plus(Duration.ofMinutes(10)), 60);

        assertEquals(List.of(tonight, nextWeek, cancelled), offered(circle, g.invitation(), "id"),
                "open now first, then what is to come, the cancelled one last, the skipped one not at all");
        assertEquals(List.of("true", "false", "false"), offered(circle, g.invitation(), "joinable"));
        JsonObject first = circle.http().get("/api/invitations/" + g.invitation()).json().getJsonArray("sessions").getJsonObject(0);
        assertEquals(NOW.plus(Duration.ofMinutes(10)).minus(Duration.ofMinutes(15)).toString(), first.getString("opensAt"));
        assertEquals(NOW.plus(Duration.ofMinutes(70)).toString(), first.getString("endsAt"));

        assertEquals(201, memberTicket(circle, tonight, g.invitation()).status(), "the waiting room is open");
        var early = memberTicket(circle, nextWeek, g.invitation());
        assertEquals(409, early.status(), early.toString());
        assertEquals("SESSION_NOT_OPEN", early.code());
        var gone = memberTicket(circle, cancelled, g.invitation());
        assertEquals(409, gone.status(), gone.toString());
        assertEquals("SESSION_CANCELLED", gone.code());
        assertEquals("SESSION_CANCELLED", circle.admin().post("/api/sessions/" + cancelled + "/tickets", null).code());
    }

    @Test
    void aFacilitatorChangesCancelsAndDeletesAPlannedSession(Circle circle) {
        Group g = group(circle);
        String sid = schedule(circle, g.id(), "Week 1", NOW.plus(Duration.ofDays(2)), 90);
        Instant later = NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        var changed = patch(circle.admin(), sid, json("title", "Week 1 (moved)", "startsAt", later.toString(), "minutes", 60));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("Week 1 (moved)", changed.json().getString("title"));
        assertEquals(later.toString(), circle.admin().get("/api/sessions/" + sid).json().getString("startsAt"));
        assertEquals(60, circle.admin().get("/api/sessions/" + sid).json().getInt("minutes"));
        assertEquals("mesh", changed.json().getString("media"), "what was not sent stays");

        for (var bad : List.of(json("minutes", 0), json("startsAt", "soon"), json("title", ""), json("media", "p2p"), json())) {
            var answer = patch(circle.admin(), sid, bad);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("BAD_REQUEST", answer.code());
        }
        assertEquals(404, patch(Colleague.add(circle, "outsider").http, sid, json("title", "Mine")).status(), "not another facilitator's");
        assertEquals("Week 1 (moved)", circle.admin().get("/api/sessions/" + sid).json().getString("title"), "nothing changed by refusals");

        var cancelled = circle.admin().post("/api/sessions/" + sid + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("cancelled", cancelled.json().getString("state"));
        assertEquals("SESSION_CANCELLED", patch(circle.admin(), sid, json("title", "x")).code());
        assertTrue(circle.http().get("/api/invitations/" + g.invitation()).body().contains("\"cancelled\""), "members are told");

        assertEquals(204, circle.admin().delete("/api/sessions/" + sid).status());
        assertEquals(404, circle.admin().get("/api/sessions/" + sid).status());
        assertFalse(circle.http().get("/api/invitations/" + g.invitation()).body().contains(sid));
        assertEquals(404, circle.admin().delete("/api/sessions/" + sid).status());
    }

    @Test
    void aSessionThatRanKeepsItsRecord(Circle circle) {
        Group g = group(circle);
        String sid = schedule(circle, g.id(), "Running", NOW.minus(Duration.ofMinutes(5)), 60);
        Ws f = new Ws(circle.process().baseUrl());
        f.send(Ws.hello(circle.admin().post("/api/sessions/" + sid + "/tickets", null).json().getString("ticket")));
        f.await("welcome");
        Ws m = new Ws(circle.process().baseUrl());
        m.send(Ws.hello(memberTicket(circle, sid, g.invitation()).json().getString("ticket")));
        m.await("welcome");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        awaitState(circle, sid, "live");
        for (var answer : List.of(patch(circle.admin(), sid, json("minutes", 30)), circle.admin().post("/api/sessions/" + sid + "/cancel", null),
                circle.admin().delete("/api/sessions/" + sid))) {
            assertEquals(409, answer.status(), answer.toString());
            assertEquals("SESSION_RUNNING", answer.code());
        }
        assertEquals("ack", f.call("session.end").getString("type"));
        awaitState(circle, sid, "ended");
        var delete = circle.admin().delete("/api/sessions/" + sid);
        assertEquals(409, delete.status());
        assertEquals("SESSION_ENDED", delete.code());
        assertEquals(200, circle.admin().get("/api/sessions/" + sid + "/attendance").status());
        f.close();
        m.close();
    }

    private static void awaitState(Circle circle, String sid, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.equals(circle.admin().get("/api/sessions/" + sid).json().getString("state"))) {
            if (System.nanoTime() > deadline) throw new AssertionError("session never became " + state);
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
        }
    }
}
