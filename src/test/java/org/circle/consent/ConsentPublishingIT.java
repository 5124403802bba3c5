package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publishing a new version of an agreement while a session is live, against MariaDB. */
@ExtendWith(CircleServer.class)
class ConsentPublishingIT {

    private static Http.Answer publish(Http admin, String gid, String body, Object... more) {
        var fields = new Object[8 + more.length];
        System.arraycopy(new Object[] {"kind", "group-agreement", "title", "Our agreement", "body", body, "required", true}, 0, fields, 0, 8);
        System.arraycopy(more, 0, fields, 8, more.length);
        return admin.post("/api/groups/" + gid + "/consent-documents", json(fields));
    }

    private static void grant(Circle circle, String token, String documentId) {
        assertEquals(201, circle.http().post("/api/invitations/" + token + "/consents", json("documentId", documentId, "decision", "granted")).status());
    }

    private static JsonObject affected(JsonObject preview, String name) {
        return preview.getJsonArray("askedAgain").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("displayName").equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + preview));
    }

    /** A live session with Ann admitted on version 1. */
    private record Live(Setting s, String ann, Ws f, Ws a, String annId, Ws b, String boId) { }

    private static Live live(Circle circle) {
        Setting s = new Setting(circle);
        String v1 = publish(circle.admin(), s.groupId, "Be kind.").json().getString("id");
        String ann = s.member("Ann");
        grant(circle, ann, v1);
        Ws f = s.connect(s.facilitatorTicket());
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        String annId = a.await("welcome").getJsonObject("you").getString("id");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        assertEquals("ack", f.call("admit", "participant", annId).getString("type"));
        a.await("admitted");
        String bo = s.member("Bo"), cy = s.member("Cy");
        grant(circle, bo, v1);
        grant(circle, cy, v1);
        Ws b = new Ws(circle.process().baseUrl());
        b.send(Ws.hello(s.memberTicket(bo)));
        String boId = b.await("welcome").getJsonObject("you").getString("id");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        String dee = circle.admin().post("/api/groups/" + s.groupId + "/members", json("displayName", "Dee")).json().getString("id");
        circle.admin().delete("/api/groups/" + s.groupId + "/members/" + dee);
        return new Live(s, ann, f, a, annId, b, boId);
    }

    @Test
    void publishingNowDuringALiveSessionSendsBackOnlyThoseItConcernsAndTheyAgreeInPlace(Circle circle) {
        Live l = live(circle);
        var v2 = publish(circle.admin(), l.s().groupId, "Be kind. Be on time.");
        assertEquals(201, v2.status(), "no 500 while a session is live: " + v2);
        assertEquals(2, v2.json().getInt("version"));
        JsonObject back = l.a().await(fr -> fr.getString("type").equals("waiting") && fr.containsKey("message"));
        assertFalse(back.getString("message").isBlank());
        l.f().await(fr -> fr.getString("type").equals("roster") && !fr.toString().contains(l.annId()));
        JsonObject waiting = l.f().await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 2);
        assertTrue(waiting.toString().contains("\"consent\":\"missing\""), waiting.toString());

        // The member's page asks only for the new decision, and the facilitator can admit again.
        var consents = circle.http().get("/api/invitations/" + l.ann()).json().getJsonArray("consents");
        assertEquals(1, consents.size());
        assertEquals("missing", consents.getJsonObject(0).getString("status"));
        grant(circle, l.ann(), v2.json().getString("id"));
        l.f().await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains(l.annId() + "\",\"displayName\":\"Ann\"")
                && fr.getJsonArray("waiting").stream().anyMatch(w -> w.asJsonObject().getString("id").equals(l.annId())
                        && w.asJsonObject().getString("consent").equals("complete")));
        assertEquals("ack", l.f().call("admit", "participant", l.annId()).getString("type"));
        l.a().await("admitted");
        assertEquals("CONSENT_INCOMPLETE", l.f().call("admit", "participant", l.boId()).getString("code"), "Bo has not agreed to version 2");
    }

    @Test
    void aDryRunSaysWhoWillHaveToAgreeAgainAndChangesNothing(Circle circle) {
        Live l = live(circle);
        String path = "/api/groups/" + l.s().groupId + "/consent-documents";
        var now = circle.admin().post(path, json("kind", "group-agreement", "required", true, "dryRun", true));
        assertEquals(200, now.status(), now.toString());
        JsonObject p = now.json();
        assertEquals(2, p.getInt("version"));
        assertEquals(3, p.getJsonArray("askedAgain").size(), "Ann, Bo and Cy; not the revoked Dee: " + p);
        assertFalse(p.toString().contains("Dee"));
        assertEquals(3, p.getInt("losingConsent"));
        assertEquals(1, p.getInt("sentBack"), "only Ann is admitted");
        assertEquals("admitted", affected(p, "Ann").getString("inSession"));
        assertEquals("waiting", affected(p, "Bo").getString("inSession"));
        assertFalse(affected(p, "Cy").containsKey("inSession"), "Cy is not in a session");
        assertTrue(affected(p, "Cy").getBoolean("loses"));
        var next = circle.admin().post(path, json("kind", "group-agreement", "required", true, "dryRun", true, "effective", "next-session"));
        assertEquals(0, next.json().getInt("sentBack"));
        var optional = circle.admin().post(path, json("kind", "recording", "required", false, "dryRun", true));
        assertEquals(1, optional.json().getInt("version"));
        assertEquals(0, optional.json().getInt("losingConsent"));
        var bad = circle.admin().post(path, json("kind", "group-agreement", "required", true, "dryRun", true, "effective", "tomorrow"));
        assertEquals(400, bad.status());
        assertEquals("effective", bad.json().getString("field"));

        assertEquals(1, circle.admin().get(path).structure().asJsonArray().getJsonObject(0).getInt("version"), "nothing was published");
        assertTrue(l.a().drain(500).stream().noneMatch(fr -> fr.getString("type").equals("waiting") && fr.containsKey("message")), "nobody was sent back");
    }

    @Test
    void publishingForTheNextSessionLeavesTheRunningSessionAsItIs(Circle circle) {
        Live l = live(circle);
        var v2 = publish(circle.admin(), l.s().groupId, "Be kind. Be on time.", "effective", "next-session");
        assertEquals(201, v2.status(), v2.toString());
        assertTrue(l.a().drain(1000).stream().noneMatch(fr -> fr.getString("type").equals("waiting") && fr.containsKey("message")), "Ann stays in the room");
        assertEquals("ack", l.f().call("admit", "participant", l.boId()).getString("type"), "Bo agreed to the version this session started with");
        l.b().await("admitted");
        assertEquals("missing", circle.http().get("/api/invitations/" + l.ann()).json().getJsonArray("consents").getJsonObject(0).getString("status"),
                "the next session asks for version 2");
    }
}
