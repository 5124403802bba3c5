package org.circle.group;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Groups, members, invitations, sessions and tickets over real HTTP against MariaDB. */
@ExtendWith(CircleServer.class)
class GroupsIT {

    /** A second facilitator with their own group, to attempt crossing over. */
    private static Http colleague(Circle circle, String tag) {
        String email = tag + "-" + System.nanoTime() + "@clinic.test";
        assertEquals(201, circle.admin().post("/api/facilitators", json("email", email, "displayName", "Colleague", "password", "colleague passphrase")).status());
        String token = circle.http().post("/api/auth/login", json("email", email, "password", "colleague passphrase")).json().getString("token");
        return circle.http().as(token);
    }

    private static String group(Http as, String name) {
        var created = as.post("/api/groups", json("name", name, "description", "Thursday evenings"));
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private static String session(Http as, String gid) {
        var s = as.post("/api/groups/" + gid + "/sessions", json("title", "Week 1", "startsAt", "2026-12-01T18:00:00Z", "minutes", 90));
        assertEquals(201, s.status(), s.toString());
        return s.json().getString("id");
    }

    @Test
    void aFacilitatorCreatesListsAndReadsTheirGroups(Circle circle) {
        String gid = group(circle.admin(), "Grief support");
        var one = circle.admin().get("/api/groups/" + gid);
        assertEquals(200, one.status());
        assertEquals("Grief support", one.json().getString("name"));
        assertEquals(CircleServer.ADMIN_EMAIL, one.json().getJsonArray("facilitators").getJsonObject(0).getString("email"));
        assertTrue(circle.admin().get("/api/groups").structure().toString().contains(gid));
    }

    @Test
    void anotherFacilitatorCannotTellTheGroupExists(Circle circle) {
        String gid = group(circle.admin(), "Private group");
        String sid = session(circle.admin(), gid);
        String mid = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Robin")).json().getString("id");
        Http other = colleague(circle, "outsider");
        for (var answer : new Http.Answer[] {
                other.get("/api/groups/" + gid), other.get("/api/groups/" + gid + "/members"),
                other.post("/api/groups/" + gid + "/members", json("displayName", "X")),
                other.delete("/api/groups/" + gid + "/members/" + mid),
                other.get("/api/groups/" + gid + "/sessions"), other.get("/api/sessions/" + sid),
                other.post("/api/groups/" + gid + "/sessions", json("title", "t", "startsAt", "2026-12-01T18:00:00Z", "minutes", 5)),
                other.post("/api/groups/" + gid + "/facilitators", json("email", "x@y.z")),
                other.post("/api/sessions/" + sid + "/tickets", null),
                other.get("/api/groups/does-not-exist")}) {
            assertEquals(404, answer.status(), answer.toString());
            assertEquals("NOT_FOUND", answer.code());
        }
        assertFalse(other.get("/api/groups").body().contains(gid));
        assertEquals(401, circle.http().get("/api/groups").status());
    }

    @Test
    void aCoFacilitatorCanBeAdded(Circle circle) {
        String gid = group(circle.admin(), "Shared group");
        String email = "co-" + System.nanoTime() + "@clinic.test";
        circle.admin().post("/api/facilitators", json("email", email, "displayName", "Co", "password", "co passphrase 1"));
        assertEquals(204, circle.admin().post("/api/groups/" + gid + "/facilitators", json("email", email)).status());
        String token = circle.http().post("/api/auth/login", json("email", email, "password", "co passphrase 1")).json().getString("token");
        assertEquals(200, circle.http().as(token).get("/api/groups/" + gid).status());
        assertEquals(404, circle.admin().post("/api/groups/" + gid + "/facilitators", json("email", "nobody@clinic.test")).status());
    }

    @Test
    void membersAreInvitedOnceAndOnlyTheHashIsKept(Circle circle) throws Exception {
        String gid = group(circle.admin(), "Members group");
        var invited = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "  Alex  "));
        assertEquals(201, invited.status(), invited.toString());
        assertEquals("Alex", invited.json().getString("displayName"));
        String token = invited.json().getJsonObject("invitation").getString("token");
        assertEquals(43, token.length());
        assertEquals(circle.process().baseUrl() + "/join/" + token, invited.json().getJsonObject("invitation").getString("url"));
        var list = circle.admin().get("/api/groups/" + gid + "/members");
        assertFalse(list.body().contains(token), "the token is shown once");
        assertEquals("complete", list.structure().asJsonArray().getJsonObject(0).getString("consent"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        try (var c = circle.database().connect(); var s = c.createStatement()) {
            var plain = s.executeQuery("SELECT COUNT(*) FROM group_member WHERE invitation_hash = '" + token + "'");
            plain.next();
            assertEquals(0, plain.getInt(1));
            var hashed = s.executeQuery("SELECT COUNT(*) FROM group_member WHERE invitation_hash = '" + hash + "'");
            hashed.next();
            assertEquals(1, hashed.getInt(1));
        }
    }

    @Test
    void anInviteeSeesTheirOwnNameTheGroupAndTheNextSessionsOnly(Circle circle) {
        String gid = group(circle.admin(), "Invitee view group");
        String sid = circle.admin().post("/api/groups/" + gid + "/sessions", json("title", "Next week",
                "startsAt", Instant.now().plus(Duration.ofDays(7)).toString(), "minutes", 90)).json().getString("id");
        circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Someone Else"));
        String token = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Jo")).json()
                .getJsonObject("invitation").getString("token");
        var view = circle.http().get("/api/invitations/" + token);
        assertEquals(200, view.status(), view.toString());
        assertEquals("Jo", view.json().getJsonObject("member").getString("displayName"));
        assertEquals("Invitee view group", view.json().getJsonObject("group").getString("name"));
        assertEquals(sid, view.json().getJsonArray("sessions").getJsonObject(0).getString("id"));
        assertFalse(view.body().contains("Someone Else"), "not the other members");
        assertFalse(view.body().contains("@"), "not the facilitators' emails");
        assertEquals(404, circle.http().get("/api/invitations/not-a-token").status());
    }

    @Test
    void revokingAMemberStopsTheInvitationAtOnce(Circle circle) {
        String gid = group(circle.admin(), "Revocation group");
        String sid = session(circle.admin(), gid);
        var invited = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Sam")).json();
        String token = invited.getJsonObject("invitation").getString("token");
        assertEquals(201, circle.http().post("/api/sessions/" + sid + "/tickets", json("invitation", token)).status());
        assertEquals(204, circle.admin().delete("/api/groups/" + gid + "/members/" + invited.getString("id")).status());
        assertEquals(404, circle.http().get("/api/invitations/" + token).status());
        assertEquals(404, circle.http().post("/api/sessions/" + sid + "/tickets", json("invitation", token)).status());
        assertTrue(circle.admin().get("/api/groups/" + gid + "/members").structure().asJsonArray().getJsonObject(0).getBoolean("revoked"));
        assertEquals(404, circle.admin().delete("/api/groups/" + gid + "/members/unknown").status());
    }

    @Test
    void sessionsAreScheduledWithDefaultsAndValidated(Circle circle) {
        Http admin = circle.admin();
        String gid = group(admin, "Schedule group");
        var s = admin.post("/api/groups/" + gid + "/sessions", json("title", "Week 2", "startsAt", "2026-12-08T18:00:00+01:00", "minutes", 60));
        assertEquals(201, s.status(), s.toString());
        assertEquals("2026-12-08T17:00:00Z", s.json().getString("startsAt"));
        assertEquals("mesh", s.json().getString("media"));
        assertEquals("scheduled", s.json().getString("state"));
        assertEquals(120, s.json().getInt("turnSeconds"));
        var sfu = admin.post("/api/groups/" + gid + "/sessions", json("title", "Big", "startsAt", "2026-12-09T18:00:00Z", "minutes", 60, "media", "sfu", "turnSeconds", 90));
        assertEquals("sfu", sfu.json().getString("media"));
        assertEquals(200, admin.get("/api/sessions/" + sfu.json().getString("id")).status());
        assertEquals(2, admin.get("/api/groups/" + gid + "/sessions").structure().asJsonArray().size());

        String path = "/api/groups/" + gid + "/sessions";
        bad(admin.post(path, json("startsAt", "2026-12-08T18:00:00Z", "minutes", 60)), "title");
        bad(admin.post(path, json("title", "x".repeat(121), "startsAt", "2026-12-08T18:00:00Z", "minutes", 60)), "title");
        bad(admin.post(path, json("title", "t", "startsAt", "next tuesday", "minutes", 60)), "startsAt");
        bad(admin.post(path, json("title", "t", "startsAt", "2026-12-08T18:00:00Z", "minutes", -5)), "minutes");
        bad(admin.post(path, json("title", "t", "startsAt", "2026-12-08T18:00:00Z")), "minutes");
        bad(admin.post(path, json("title", "t", "startsAt", "2026-12-08T18:00:00Z", "minutes", 60, "media", "p2p")), "media");
        bad(admin.post(path, json("title", "t", "startsAt", "2026-12-08T18:00:00Z", "minutes", 60, "turnSeconds", 1)), "turnSeconds");
        assertEquals(2, admin.get(path).structure().asJsonArray().size(), "nothing half-written");
    }

    @Test
    void groupAndMemberNamesAreValidated(Circle circle) {
        bad(circle.admin().post("/api/groups", json("name", " ")), "name");
        bad(circle.admin().post("/api/groups", json("name", "x".repeat(81))), "name");
        bad(circle.admin().post("/api/groups", json("name", "ok", "description", "x".repeat(1001))), "description");
        String gid = group(circle.admin(), "Validation group");
        bad(circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "")), "displayName");
        bad(circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Tab\there")), "displayName");
        bad(circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "x".repeat(81))), "displayName");
        var kept = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "<b>Kim</b> & \"co\""));
        assertEquals("<b>Kim</b> & \"co\"", kept.json().getString("displayName"), "stored and returned as given");
        assertEquals(1, circle.admin().get("/api/groups/" + gid + "/members").structure().asJsonArray().size());
    }

    @Test
    void ticketsAreSingleUseShortLivedAndBoundToTheirGroup(Circle circle) {
        Http admin = circle.admin();
        String gid = group(admin, "Ticket group");
        String sid = session(admin, gid);
        String token = admin.post("/api/groups/" + gid + "/members", json("displayName", "Lee")).json().getJsonObject("invitation").getString("token");

        var mine = circle.http().post("/api/sessions/" + sid + "/tickets", json("invitation", token));
        assertEquals(201, mine.status(), mine.toString());
        Instant expires = Instant.parse(mine.json().getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).abs().getSeconds() <= 65);
        assertEquals(201, admin.post("/api/sessions/" + sid + "/tickets", null).status(), "facilitators by Bearer");

        String otherGroup = group(admin, "Other ticket group");
        String otherSession = session(admin, otherGroup);
        assertEquals(404, circle.http().post("/api/sessions/" + otherSession + "/tickets", json("invitation", token)).status(),
                "a member of A with B's session");
        assertEquals(404, circle.http().post("/api/sessions/unknown/tickets", json("invitation", token)).status());
        assertEquals(401, circle.http().post("/api/sessions/" + sid + "/tickets", null).status());
        assertEquals(401, circle.http().as("bogus").post("/api/sessions/" + sid + "/tickets", null).status());
        bad(circle.http().post("/api/sessions/" + sid + "/tickets", json("invitation", 5)), "invitation");
    }

    private static void bad(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("BAD_REQUEST", answer.code());
        assertEquals(field, answer.json().getString("field"), answer.toString());
    }
}
