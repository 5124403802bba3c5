package org.circle.media.janus;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.circle.media.Feed;
import org.circle.media.IceCandidate;
import org.circle.media.MediaListener;
import org.circle.platform.Jsons;

/**
 * One live session's VideoRoom: what the session core wants (who may publish, whose audio may be
 * forwarded, who wants to see whom) and what Janus has (the room, a publisher handle per person,
 * a subscriber handle per viewer and publisher). Every change records the wish first and then
 * converges, so the port's calls may come in any order: a subscription before its publisher's
 * stream exists is offered once it does, a mute before a publish is applied before the publisher
 * hears its answer. Callers hold the room's lock; Janus requests block, never the session's core.
 *
 * <p>Several instances of a cluster share one VideoRoom per session: its number comes from the
 * session's id, and each publisher is in it under their feed key as display name. Each instance
 * holds the handles of the people connected to it and enforces the gate for its own publishers;
 * a viewer here subscribes to a publisher on another instance by finding the feed in the room's
 * participant list (Janus lists a publisher once its stream is up).
 */
final class VideoRoom {

    private static final Logger LOG = Logger.getLogger(VideoRoom.class.getName());
    /** VideoRoom's "room already exists". */
    private static final int ROOM_EXISTS = 427;
    /** How often a subscription looks for a stream not published here before it waits for the next change (about a minute). */
    static final int LOOKUPS = 200;

    /** One person as a publisher: the wish and Janus's side of it. */
    static final class Person {
        boolean allowed = true;
        boolean audio = true;
        long handle;
        long feed;
        String audioMid;
        boolean published;
        /** Janus lets viewers join a feed only once its peer connection is up (webrtcup). */
        boolean flowing;
        Boolean audioApplied;
        final List<IceCandidate> early = new ArrayList<>();
    }

    /** One viewer's wish to see one publisher, and its handle once Janus offered it. */
    static final class Subscription {
        final String viewer;
        final String publisher;
        long handle;
        long feed;
        boolean started;
        /** How often Janus's list was searched for a publisher not on this instance. */
        int lookups;
        final List<IceCandidate> early = new ArrayList<>();

        Subscription(String viewer, String publisher) {
            this.viewer = viewer;
            this.publisher = publisher;
        }
    }

    final String sessionId;
    /** The Janus connection this room's handles belong to; another one means Janus restarted. */
    JanusLink builtOn;
    private final MediaListener listener;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    /** People just let in, to be told of the streams published on other instances. */
    private final Set<String> arrivals = new LinkedHashSet<>();
    /** A subscription waits for a stream Janus does not list yet: the port looks again shortly. */
    volatile boolean lookingElsewhere;
    private long number;

    VideoRoom(String sessionId, MediaListener listener) {
        this.sessionId = sessionId;
        this.listener = listener;
    }

    /** The Janus session ended (Janus restarted): forget its handles, keep every wish about access. */
    void forgetJanus() {
        number = 0;
        for (Person p : people.values()) {
            p.handle = 0;
            p.feed = 0;
            p.published = false;
            p.flowing = false;
            p.audioApplied = null;
            p.early.clear();
        }
        subscriptions.clear(); // the clients subscribe again after media.restart
    }

    String publish(JanusLink janus, String participant, String offer) throws JanusLink.Refused {
        Person p = people.computeIfAbsent(participant, id -> new Person());
        ensureRoom(janus);
        unpublish(janus, participant, p); // a second publish replaces the first
        p.handle = janus.attach();
        p.feed = ThreadLocalRandom.current().nextLong(1, 1L << 50); // unique in a room other instances publish to as well
        janus.message(p.handle, Jsons.createObjectBuilder().add("request", "join").add("ptype", "publisher")
                .add("room", number).add("id", p.feed).add("display", participant), null);
        JsonObject answer = janus.message(p.handle, Jsons.createObjectBuilder().add("request", "publish")
                .add("audio", true).add("video", true), jsep("offer", offer));
        p.audioMid = Sdp.mid(offer, "audio");
        p.published = true;
        p.audioApplied = true;
        applyAudio(janus, p); // before the answer leaves: a muted person is never heard, not even at first
        trickle(janus, p.handle, p.early); // subscriptions to the old stream are re-offered in converge()
        listener.published(sessionId, null, participant, "camera", true);
        return answer.getJsonObject("jsep").getString("sdp");
    }

    void subscribe(String viewer, String publisher) {
        Subscription previous = subscriptions.put(key(viewer, publisher), new Subscription(viewer, publisher));
        if (previous != null) previous.started = false;
    }

    void accept(JanusLink janus, String viewer, String publisher, String answer) throws JanusLink.Refused {
        Subscription s = subscriptions.get(key(viewer, publisher));
        if (s == null || s.handle == 0) throw new JanusLink.Refused("no offer is waiting for that answer");
        janus.message(s.handle, Jsons.createObjectBuilder().add("request", "start"), jsep("answer", answer));
        s.started = true;
        trickle(janus, s.handle, s.early);
    }

    void ice(JanusLink janus, String participant, String endpointOf, IceCandidate candidate) {
        if (participant.equals(endpointOf)) {
            Person p = people.get(participant);
            if (p == null || !p.published) people.computeIfAbsent(participant, id -> new Person()).early.add(candidate);
            else trickle(janus, p.handle, List.of(candidate));
            return;
        }
        Subscription s = subscriptions.get(key(participant, endpointOf));
        if (s == null) return;
        if (!s.started) s.early.add(candidate);
        else trickle(janus, s.handle, List.of(candidate));
    }

    void access(String participant, boolean mayPublish, boolean audio) {
        boolean arriving = !people.containsKey(participant) || !people.get(participant).allowed;
        Person p = people.computeIfAbsent(participant, id -> new Person());
        p.allowed = mayPublish;
        p.audio = audio;
        if (!arriving || !mayPublish) return;
        // Someone just admitted learns whose streams are there to subscribe to: here at once, on
        // other instances as the room converges (Janus's list says which).
        people.forEach((id, other) -> {
            if (other.published && !id.equals(participant)) listener.published(sessionId, participant, id, "camera", true);
        });
        if (Feed.of(participant).source() == Feed.Source.CAMERA) arrivals.add(participant);
    }

    /** Makes Janus match the wishes: releases who may not publish, mutes, offers waiting subscriptions. */
    void converge(JanusLink janus) throws JanusLink.Refused {
        for (var e : people.entrySet()) {
            Person p = e.getValue();
            if (!p.allowed) {
                if (p.handle != 0) {
                    kick(janus, p);
                    unpublish(janus, e.getKey(), p);
                }
                String gone = e.getKey();
                subscriptions.values().removeIf(s -> {
                    boolean theirs = s.viewer.equals(gone) || s.publisher.equals(gone);
                    if (theirs) janus.detach(s.handle);
                    return s.viewer.equals(gone);
                });
                subscriptions.values().forEach(s -> { if (s.publisher.equals(gone)) { s.handle = 0; s.started = false; } });
            } else if (p.published) {
                applyAudio(janus, p);
            }
        }
        Map<String, Long> listed = null; // Janus's publishers, asked at most once per convergence
        boolean looking = false;
        for (Subscription s : List.copyOf(subscriptions.values())) {
            Person publisher = people.get(s.publisher);
            Person viewer = people.get(s.viewer);
            if (publisher != null && !publisher.allowed || viewer != null && !viewer.allowed) continue;
            long feed;
            if (publisher != null && publisher.published) { // on this instance
                if (!publisher.flowing) continue;
                feed = publisher.feed;
            } else { // on another instance, or not published yet
                if (listed == null) listed = publishers(janus);
                feed = listed.getOrDefault(s.publisher, 0L);
                if (feed == 0) {
                    looking |= s.lookups++ < LOOKUPS;
                    continue;
                }
            }
            if (s.handle != 0 && s.feed == feed) continue;
            try {
                offer(janus, s, feed);
            } catch (JanusLink.Refused e) { // this one waits for the next change; the others go on
                LOG.warning("offer of session " + sessionId + " failed: " + e.getMessage());
            }
        }
        lookingElsewhere = looking;
        tellArrivals(janus, listed);
    }

    /** Tells each person just let in of the streams published on other instances. */
    private void tellArrivals(JanusLink janus, Map<String, Long> listed) throws JanusLink.Refused {
        if (arrivals.isEmpty()) return;
        Map<String, Long> streams = listed != null ? listed : publishers(janus);
        for (String arrival : List.copyOf(arrivals)) {
            arrivals.remove(arrival);
            Person p = people.get(arrival);
            if (p == null || !p.allowed) continue;
            for (String key : streams.keySet()) {
                Person here = people.get(key);
                if (here != null && here.published || Feed.of(key).participant().equals(arrival)) continue; // told at once, or their own
                listener.published(sessionId, arrival, key, "camera", true);
            }
        }
    }

    /** Feed ids by key of the streams Janus forwards in this room now, whichever instance published them. */
    private Map<String, Long> publishers(JanusLink janus) throws JanusLink.Refused {
        ensureRoom(janus);
        JsonObject answer = janus.message(janus.control(), Jsons.createObjectBuilder().add("request", "listparticipants").add("room", number), null);
        Map<String, Long> feeds = new HashMap<>();
        for (JsonValue v : answer.getJsonObject("plugindata").getJsonObject("data").getJsonArray("participants")) {
            JsonObject p = v.asJsonObject();
            if (p.getBoolean("publisher", false) && p.containsKey("display")) feeds.put(p.getString("display"), p.getJsonNumber("id").longValue());
        }
        return feeds;
    }

    /** Janus reports a handle's peer connection up (true) or hung up (false); true when it is a publisher's. */
    boolean connection(long handle, boolean up) {
        for (Person p : people.values()) {
            if (p.handle == handle && p.handle != 0) {
                p.flowing = up && p.published;
                return true;
            }
        }
        return false;
    }

    /** The session ended: the room and every handle go. */
    void destroy(JanusLink janus) {
        people.values().forEach(p -> janus.detach(p.handle));
        subscriptions.values().forEach(s -> janus.detach(s.handle));
        if (number != 0) {
            try {
                janus.message(janus.control(), Jsons.createObjectBuilder().add("request", "destroy").add("room", number), null);
            } catch (JanusLink.Refused e) {
                LOG.fine(() -> "room of session " + sessionId + " already gone");
            }
        }
        people.clear();
        subscriptions.clear();
    }

    private void offer(JanusLink janus, Subscription s, long feed) throws JanusLink.Refused {
        janus.detach(s.handle);
        s.handle = 0;
        s.started = false;
        long handle = janus.attach();
        JsonObject attached = janus.message(handle, Jsons.createObjectBuilder().add("request", "join").add("ptype", "subscriber")
                .add("room", number).add("streams", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("feed", feed))), null);
        s.handle = handle;
        s.feed = feed;
        listener.offer(sessionId, s.viewer, s.publisher, attached.getJsonObject("jsep").getString("sdp"));
    }

    /** Janus drops the publisher from the room at once, whatever its browser goes on sending. */
    private void kick(JanusLink janus, Person p) {
        try {
            janus.message(janus.control(), Jsons.createObjectBuilder().add("request", "kick").add("room", number).add("id", p.feed), null);
        } catch (JanusLink.Refused e) {
            LOG.fine(() -> "publisher of session " + sessionId + " already left: " + e.getMessage());
        }
    }

    private void applyAudio(JanusLink janus, Person p) throws JanusLink.Refused {
        if (p.audioMid == null || Boolean.valueOf(p.audio).equals(p.audioApplied)) return;
        janus.message(janus.control(), Jsons.createObjectBuilder().add("request", "moderate").add("room", number)
                .add("id", p.feed).add("mid", p.audioMid).add("mute", !p.audio), null);
        p.audioApplied = p.audio;
        LOG.info(() -> "session " + sessionId + ": audio of feed " + p.feed + (p.audio ? " forwarded" : " held by Janus"));
    }

    private void unpublish(JanusLink janus, String participant, Person p) {
        if (p.handle == 0) return;
        janus.detach(p.handle);
        p.handle = 0;
        p.published = false;
        p.flowing = false;
        p.audioApplied = null;
        listener.published(sessionId, null, participant, "camera", false);
    }

    private void ensureRoom(JanusLink janus) throws JanusLink.Refused {
        if (number != 0) return;
        long candidate = roomNumber(sessionId);
        try {
            janus.message(janus.control(), Jsons.createObjectBuilder().add("request", "create").add("room", candidate)
                    .add("is_private", true).add("publishers", 100).add("permanent", false)
                    .add("audiocodec", "opus").add("videocodec", "vp8"), null);
        } catch (JanusLink.Refused e) {
            // Another instance of the cluster made it (or this one, before Janus's session ended).
            if (e.code != ROOM_EXISTS) throw e;
        }
        number = candidate;
    }

    /**
     * The session's room number, the same on every instance: 50 bits of the SHA-256 of its id,
     * within the integers JSON carries exactly, and no clash between live sessions to expect.
     */
    static long roomNumber(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 8; i++) n = (n << 8) | (hash[i] & 0xff);
            return (n >>> 14) | 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void trickle(JanusLink janus, long handle, List<IceCandidate> candidates) {
        for (IceCandidate c : candidates) {
            var request = Jsons.createObjectBuilder().add("janus", "trickle").add("handle_id", handle);
            if (c.candidate().isEmpty()) request.add("candidate", Jsons.createObjectBuilder().add("completed", true));
            else request.add("candidate", Jsons.createObjectBuilder().add("candidate", c.candidate())
                    .add("sdpMid", c.sdpMid()).add("sdpMLineIndex", c.sdpMLineIndex()));
            janus.tell(request);
        }
        if (candidates instanceof ArrayList<IceCandidate> list) list.clear();
    }

    private static JsonObject jsep(String type, String sdp) {
        return Jsons.createObjectBuilder().add("type", type).add("sdp", sdp).build();
    }

    private static String key(String viewer, String publisher) { return viewer + "|" + publisher; }
}
