package org.circle.signaling.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.circle.platform.Jsons;
import org.circle.session.Event;

/** The protocol's server frames, as JSON text. Names and shapes are the v1 contract's. */
public final class ServerFrames {

    private ServerFrames() { }

    public static String ack(String ref, List<String> leftWaiting) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "ack").add("ref", ref);
        if (leftWaiting != null) b.add("waiting", strings(leftWaiting));
        return b.build().toString();
    }

    public static String error(String ref, String code, String message) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "error");
        if (ref != null) b.add("ref", ref);
        return b.add("code", code).add("message", message).build().toString();
    }

    public static String event(Event e) {
        if (e instanceof Event.SignalRelayed s) return signal(s);
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", e.type());
        if (e instanceof Event.Waiting w) optional(b, "message", w.message());
        else if (e instanceof Event.Denied d) optional(b, "reason", d.reason());
        else if (e instanceof Event.Removed r) optional(b, "reason", r.reason());
        else if (e instanceof Event.Roster r) b.add("participants", roster(r));
        else if (e instanceof Event.Hands h) b.add("queue", hands(h));
        else if (e instanceof Event.FloorChanged f) { nullable(b, "participant", f.participant()); nullable(b, "endsAt", f.endsAt()); }
        else if (e instanceof Event.FloorExpired f) b.add("participant", f.participant());
        else if (e instanceof Event.RoundChanged r) {
            b.add("active", r.active()).add("order", strings(r.order())).add("seconds", r.seconds());
            nullable(b, "current", r.current());
        }
        else if (e instanceof Event.ModeChanged m) b.add("mode", m.mode().wire());
        else if (e instanceof Event.Muted m) { b.add("participant", m.participant()); nullable(b, "by", m.by()); }
        else if (e instanceof Event.UnmuteRequested u) b.add("by", u.by());
        else if (e instanceof Event.SessionStateChanged s) b.add("state", s.state()).add("locked", s.locked());
        else if (e instanceof Event.WaitingList w) b.add("waiting", waiting(w));
        else if (e instanceof Event.SupportRequested s) {
            b.add("participant", s.participant()).add("at", s.at().toString());
            optional(b, "note", s.note());
        }
        return b.build().toString();
    }

    /**
     * The commonest frame, written without a second round through the JSON parser: the payload is
     * the text the parser itself wrote from the sender's object (Commands), so it is well-formed
     * JSON already, and parsing and writing 3 KB again per relay cost more than the relay.
     */
    private static String signal(Event.SignalRelayed s) {
        return "{\"type\":\"signal\",\"from\":" + Jsons.quote(s.from()) + ",\"payload\":" + s.payloadJson() + "}";
    }

    private static JsonArrayBuilder roster(Event.Roster r) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.RosterEntry p : r.participants()) {
            a.add(Jsons.createObjectBuilder().add("id", p.id()).add("displayName", p.displayName()).add("role", p.role().wire())
                    .add("audio", p.audio()).add("video", p.video()).add("connected", p.connected()).add("hand", p.hand()));
        }
        return a;
    }

    private static JsonArrayBuilder hands(Event.Hands h) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.HandEntry e : h.queue()) a.add(Jsons.createObjectBuilder().add("participant", e.participant()).add("since", e.since().toString()));
        return a;
    }

    private static JsonArrayBuilder waiting(Event.WaitingList w) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.WaitingEntry e : w.waiting()) {
            a.add(Jsons.createObjectBuilder().add("id", e.id()).add("displayName", e.displayName())
                    .add("since", e.since().toString()).add("consent", e.consentComplete() ? "complete" : "missing"));
        }
        return a;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static void optional(JsonObjectBuilder b, String key, String value) {
        if (value != null) b.add(key, value);
    }

    private static void nullable(JsonObjectBuilder b, String key, Object value) {
        if (value == null) b.addNull(key);
        else b.add(key, value instanceof Instant i ? i.toString() : value.toString());
    }
}
