package org.circle.testing;

import static org.circle.testing.Http.json;

import org.circle.testing.CircleServer.Circle;

/** A group with a session and members, made through the REST contract for a live-session test. */
public final class Setting {

    public final Circle circle;
    public final String groupName;
    public final String groupId;
    public final String sessionId;

    public Setting(Circle circle, String media) {
        this.circle = circle;
        this.groupName = "Live group " + System.nanoTime();
        this.groupId = circle.admin().post("/api/groups", json("name", groupName)).json().getString("id");
        this.sessionId = circle.admin().post("/api/groups/" + groupId + "/sessions",
                json("title", "Tonight", "startsAt", "2026-11-22T18:00:00Z", "minutes", 90, "media", media, "turnSeconds", 60)).json().getString("id");
    }

    public Setting(Circle circle) { this(circle, "mesh"); }

    /** Invites a member and returns their invitation token. */
    public String member(String name) {
        return circle.admin().post("/api/groups/" + groupId + "/members", json("displayName", name)).json()
                .getJsonObject("invitation").getString("token");
    }

    public String memberTicket(String invitation) {
        var answer = circle.http().post("/api/sessions/" + sessionId + "/tickets", json("invitation", invitation));
        if (answer.status() != 201) throw new AssertionError(answer.toString());
        return answer.json().getString("ticket");
    }

    public String facilitatorTicket() {
        return circle.admin().post("/api/sessions/" + sessionId + "/tickets", null).json().getString("ticket");
    }

    /** A connected, welcomed socket. */
    public Ws connect(String ticket) {
        Ws ws = new Ws(circle.process().baseUrl());
        ws.send(Ws.hello(ticket));
        ws.await("welcome");
        return ws;
    }
}
