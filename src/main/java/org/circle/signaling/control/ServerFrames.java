package org.circle.signaling.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.circle.media.Feed;
import org.circle.media.IceCandidate;
import org.circle.platform.Jsons;
import org.circle.session.CheckInNote;
import org.circle.session.ErrorCode;
import org.circle.session.Event;
import org.circle.session.LiveSessionView;
import org.circle.session.MediaKind;
import org.circle.session.Outcome;
import org.circle.session.ParticipantView;
import org.circle.session.Refusal;
import org.circle.session.Reply;

/**
 * The protocol's server frames, as JSON text: the only place outgoing frames are written, and
 * the one place a refusal becomes a frame. Names and shapes are the v1 contract's.
 */
public final class ServerFrames {

    private static final String MEDIA_RESTART = "{\"type\":\"media.restart\"}";

    private ServerFrames() { }

    public static String welcome(LiveSessionView s, ParticipantView you, String resume, JsonArray iceServers, boolean mediaAvailable) {
        JsonObjectBuilder session = Jsons.createObjectBuilder().add("id", s.id()).add("title", s.title())
                .add("state", s.state().wire()).add("mode", s.mode().wire()).add("locked", s.locked()).add("media", s.media().wire());
        if (s.media() == MediaKind.SFU) session.add("mediaAvailable", mediaAvailable);
        return Jsons.createObjectBuilder().add("type", "welcome")
                .add("you", Jsons.createObjectBuilder().add("id", you.id()).add("role", you.role().wire())
                        .add("displayName", you.displayName()).add("status", you.status().wire()))
                .add("session", session).add("resume", resume).add("iceServers", iceServers)
                .build().toString();
    }

    public static String ack(String ref) {
        return ack(ref, (List<String>) null);
    }

    /**
     * The ack of an accepted command: admit.all's names who is still waiting; support.request's
     * and message.facilitators' say how many facilitators were connected to hear it.
     */
    public static String ack(String ref, Outcome outcome) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "ack").add("ref", ref);
        Reply reply = outcome.reply().orElse(null);
        if (reply instanceof Reply.LeftWaiting w) b.add("waiting", strings(w.participants()));
        else if (reply instanceof Reply.SupportDelivered d) b.add("id", d.id()).add("delivered", d.delivered());
        else if (reply instanceof Reply.MessageSent m) {
            b.add("id", m.id());
            if (m.delivered() != null) b.add("delivered", m.delivered());
        }
        return b.build().toString();
    }

    private static String ack(String ref, List<String> leftWaiting) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "ack").add("ref", ref);
        if (leftWaiting != null) b.add("waiting", strings(leftWaiting));
        return b.build().toString();
    }

    public static String refusal(String ref, Refusal refusal) {
        if (refusal.retryAfterSeconds() == null) return error(ref, refusal.code(), refusal.message());
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "error");
        if (ref != null) b.add("ref", ref);
        // Extension: how long to wait before trying again (docs/protocol.md, "Alert floods").
        return b.add("code", refusal.code().name()).add("message", refusal.message())
                .add("retryAfter", refusal.retryAfterSeconds()).build().toString();
    }

    public static String error(String ref, ErrorCode code, String message) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "error");
        if (ref != null) b.add("ref", ref);
        return b.add("code", code.name()).add("message", message).build().toString();
    }

    /** What is durable before it is acknowledged: this command happened but its record failed. */
    public static String notRecorded(String ref) {
        return error(ref, ErrorCode.INTERNAL, "It happened, but could not be recorded.");
    }

    public static String mediaUnavailable(String ref, MediaKind kind) {
        return error(ref, ErrorCode.MEDIA_UNAVAILABLE, kind == MediaKind.SFU
                ? "This server has no media server for large sessions." : "This session's media does not pass through the server.");
    }

    public static String mediaAnswer(Feed feed, String sdp) {
        return Jsons.createObjectBuilder().add("type", "media.answer").add("participant", feed.participant())
                .add("source", feed.source().wire()).add("sdp", sdp).build().toString();
    }

    public static String mediaOffer(Feed feed, String sdp) {
        return Jsons.createObjectBuilder().add("type", "media.offer").add("participant", feed.participant())
                .add("source", feed.source().wire()).add("sdp", sdp).build().toString();
    }

    public static String mediaIce(Feed endpointOf, IceCandidate candidate) {
        return Jsons.createObjectBuilder().add("type", "media.ice").add("participant", endpointOf.participant())
                .add("source", endpointOf.source().wire())
                .add("candidate", Jsons.createObjectBuilder().add("candidate", candidate.candidate())
                        .add("sdpMid", candidate.sdpMid()).add("sdpMLineIndex", candidate.sdpMLineIndex()))
                .build().toString();
    }

    public static String mediaRestart() { return MEDIA_RESTART; }

    /** A server-offered subscription: the viewer answers with {@code media.accept}. */
    public static String mediaOffer(String publisher, String sdp) {
        return Jsons.createObjectBuilder().add("type", "media.offer").add("participant", publisher).add("sdp", sdp).build().toString();
    }

    /** Whose stream, of which source, can now (or can no longer) be subscribed. */
    public static String mediaPublished(String participant, String source, boolean on) {
        return Jsons.createObjectBuilder().add("type", on ? "media.published" : "media.unpublished")
                .add("participant", participant).add("source", source).build().toString();
    }

    public static String event(Event e) {
        if (e instanceof Event.SignalRelayed s) return signal(s);
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", e.type());
        if (e instanceof Event.Waiting w) {
            optional(b, "message", w.message());
            if (Event.Waiting.UNATTENDED.equals(w.message())) b.add("reason", "facilitator.away"); // a page may word it its own way
        }
        else if (e instanceof Event.Denied d) optional(b, "reason", d.reason());
        else if (e instanceof Event.Removed r) optional(b, "reason", r.reason());
        else if (e instanceof Event.Roster r) b.add("participants", roster(r));
        else if (e instanceof Event.Hands h) b.add("queue", hands(h));
        else if (e instanceof Event.FloorChanged f) { nullable(b, "participant", f.participant()); nullable(b, "endsAt", f.endsAt()); }
        else if (e instanceof Event.FloorExpired f) b.add("participant", f.participant());
        else if (e instanceof Event.RoundChanged r) {
            b.add("active", r.active()).add("order", strings(r.order())).add("seconds", r.seconds()).add("passed", strings(r.passed()));
            nullable(b, "current", r.current());
        }
        else if (e instanceof Event.ModeChanged m) b.add("mode", m.mode().wire());
        else if (e instanceof Event.Muted m) { b.add("participant", m.participant()); nullable(b, "by", m.by()); }
        else if (e instanceof Event.UnmuteRequested u) b.add("by", u.by());
        else if (e instanceof Event.SessionStateChanged s) b.add("state", s.state().wire()).add("locked", s.locked())
                .add("facilitatorPresent", s.facilitatorPresent());
        else if (e instanceof Event.WaitingList w) b.add("waiting", waiting(w));
        else if (e instanceof Event.TalkTime t) b.add("participants", talk(t));
        else if (e instanceof Event.SupportRequested s) {
            b.add("id", s.id()).add("participant", s.participant()).add("displayName", s.displayName()).add("at", s.at().toString());
            optional(b, "note", s.note());
            if (s.checkIn() != null) b.add("checkIn", checkIn(s.checkIn()));
            // Extension: repeats collapse into the alert of the same id (docs/protocol.md, "Alert floods").
            b.add("count", s.count()).add("lastAt", s.lastAt().toString());
        }
        else if (e instanceof Event.ParticipantDropped d) {
            b.add("id", d.id()).add("participant", d.participant()).add("displayName", d.displayName()).add("at", d.at().toString());
            if (d.checkIn() != null) b.add("checkIn", checkIn(d.checkIn()));
        }
        else if (e instanceof Event.SupportAcknowledged a) b.add("id", a.id()).add("by", a.by());
        else if (e instanceof Event.SupportClosed c) b.add("id", c.id()).add("by", c.by());
        else if (e instanceof Event.Message m) {
            b.add("id", m.id()).add("from", m.from()).add("fromName", m.fromName()).add("text", m.text())
                    .add("at", m.at().toString()).add("to", m.to());
        }
        else if (e instanceof Event.LockKnock k) {
            b.add("id", k.id()).add("member", k.member()).add("memberName", k.memberName()).add("at", k.at().toString());
        }
        else if (e instanceof Event.LockKnockClosed k) b.add("id", k.id()).add("member", k.member()).add("outcome", k.outcome()).add("by", k.by());
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
            JsonObjectBuilder entry = Jsons.createObjectBuilder().add("id", p.id()).add("displayName", p.displayName()).add("role", p.role().wire())
                    .add("audio", p.audio()).add("video", p.video()).add("connected", p.connected()).add("hand", p.hand()).add("screen", p.screen());
            optional(entry, "memberName", p.memberName()); // facilitators' rosters only: the core leaves it out of the others
            a.add(entry);
        }
        return a;
    }

    private static JsonArrayBuilder hands(Event.Hands h) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.HandEntry e : h.queue()) a.add(Jsons.createObjectBuilder().add("participant", e.participant()).add("since", e.since().toString()));
        return a;
    }

    private static JsonArrayBuilder talk(Event.TalkTime t) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.TalkEntry e : t.participants()) {
            a.add(Jsons.createObjectBuilder().add("participant", e.participant()).add("speaking", e.speaking())
                    .add("speakingSeconds", e.speakingSeconds()).add("floorSeconds", e.floorSeconds()));
        }
        return a;
    }

    private static JsonArrayBuilder waiting(Event.WaitingList w) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (Event.WaitingEntry e : w.waiting()) {
            JsonObjectBuilder entry = Jsons.createObjectBuilder().add("id", e.id()).add("displayName", e.displayName())
                    .add("since", e.since().toString()).add("consent", e.consentComplete() ? "complete" : "missing")
                    .add("checkIn", e.checkedIn() ? "done" : "missing").add("privateSpace", e.privateSpace());
            optional(entry, "memberName", e.memberName());
            // Extension: a second device of a member who is admitted on another (docs/protocol.md).
            entry.add("secondDevice", e.alsoAdmitted() != null);
            optional(entry, "alsoAdmitted", e.alsoAdmitted());
            a.add(entry);
        }
        return a;
    }

    private static JsonObjectBuilder checkIn(CheckInNote c) {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        optional(b, "location", c.location());
        optional(b, "phone", c.phone());
        optional(b, "emergencyContact", c.emergencyContact());
        return b.add("privateSpace", c.privateSpace());
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
