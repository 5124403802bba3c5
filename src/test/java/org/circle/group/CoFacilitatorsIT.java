package org.circle.group;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Colleague;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who facilitates a group: colleagues are added and removed, and a group always keeps one. */
@ExtendWith(CircleServer.class)
class CoFacilitatorsIT {

    @Test
    void aCoFacilitatorIsAddedAndRemovedButNeverTheLastOne(Circle circle) {
        Http admin = circle.admin();
        String gid = admin.post("/api/groups", json("name", "Shared " + System.nanoTime())).json().getString("id");
        String leadId = admin.get("/api/groups/" + gid).json().getJsonArray("facilitators").getJsonObject(0).getString("id");
        Colleague co = Colleague.add(circle, "co");
        assertEquals(404, co.http.get("/api/groups/" + gid).status());

        var unknown = admin.post("/api/groups/" + gid + "/facilitators", json("email", "nobody-" + System.nanoTime() + "@clinic.test"));
        assertEquals(404, unknown.status());
        assertEquals("email", unknown.json().getString("field"));
        assertTrue(unknown.json().getString("message").contains("colleague"), unknown.toString());

        assertEquals(204, admin.post("/api/groups/" + gid + "/facilitators", json("email", co.email)).status());
        assertEquals(2, admin.get("/api/groups/" + gid).json().getJsonArray("facilitators").size());
        assertEquals(200, co.http.get("/api/groups/" + gid).status());

        assertEquals(204, co.http.delete("/api/groups/" + gid + "/facilitators/" + leadId).status(), "a co-facilitator may remove another");
        assertEquals(404, admin.get("/api/groups/" + gid).status(), "the lead no longer sees the group");
        var last = co.http.delete("/api/groups/" + gid + "/facilitators/" + co.id);
        assertEquals(409, last.status(), last.toString());
        assertEquals("LAST_FACILITATOR", last.code());
        assertEquals(200, co.http.get("/api/groups/" + gid).status(), "the group still has its facilitator");

        assertEquals(404, co.http.delete("/api/groups/" + gid + "/facilitators/" + leadId).status(), "not a facilitator of it any more");
        assertEquals(404, admin.delete("/api/groups/" + gid + "/facilitators/" + co.id).status(), "an outsider cannot tell the group exists");
        assertFalse(admin.get("/api/groups").body().contains(gid));
    }
}
