package org.circle.testing;

import static org.circle.testing.Http.json;

import org.circle.testing.CircleServer.Circle;

/** A second facilitator account, added by the lead and signed in, to share a group or to attempt crossing over. */
public final class Colleague {

    public static final String PASSWORD = "colleague passphrase";

    public final String email;
    public final String id;
    public final Http http;

    private Colleague(String email, String id, Http http) {
        this.email = email;
        this.id = id;
        this.http = http;
    }

    public static Colleague add(Circle circle, String tag) {
        String email = tag + "-" + System.nanoTime() + "@clinic.test";
        var added = circle.admin().post("/api/facilitators", json("email", email, "displayName", "Colleague " + tag, "password", PASSWORD));
        if (added.status() != 201) throw new AssertionError(added.toString());
        String token = circle.http().post("/api/auth/login", json("email", email, "password", PASSWORD)).json().getString("token");
        return new Colleague(email, added.json().getJsonObject("facilitator").getString("id"), circle.http().as(token));
    }
}
