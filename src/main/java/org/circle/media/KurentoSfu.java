package org.circle.media;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;
import org.kurento.client.internal.server.KurentoServerException;
import org.kurento.jsonrpc.JsonRpcErrorException;

/**
 * The SFU through Kurento: per session one MediaPipeline, per admitted person one publishing
 * WebRtcEndpoint, per (viewer, publisher) one subscribing endpoint fed from the publisher. A
 * muted publisher's audio is disconnected from every subscriber until they may speak again.
 * Candidates that arrive before their endpoint exists are kept and added once it does.
 * Kurento calls back on its own threads, so each session's state is guarded by its own lock.
 */
public final class KurentoSfu implements MediaPort {

    private static final Logger LOG = Logger.getLogger(KurentoSfu.class.getName());
    /** Kurento's answers when it no longer knows the session or an object: the media server restarted. */
    static final Set<Integer> GONE = Set.of(40007, 40101);

    private final Supplier<KurentoClient> client;
    private final MediaListener listener;
    private final Map<String, SessionMedia> rooms = new ConcurrentHashMap<>();

    /** One session's media objects. */
    private static final class SessionMedia {
        MediaPipeline pipeline;
        final Map<String, WebRtcEndpoint> publishers = new HashMap<>();
        final Map<String, WebRtcEndpoint> subscriptions = new HashMap<>();
        final Map<String, java.util.List<IceCandidate>> early = new HashMap<>();
        final Set<String> audioHeld = new HashSet<>();
        /** Server-offered subscriptions whose viewer has not answered yet: their candidates wait. */
        final Set<String> unanswered = new HashSet<>();
        /** Viewers by the publisher they asked for before that person published: offered once they do. */
        final Map<String, Set<String>> awaiting = new HashMap<>();
    }

    /** A server offer to send once the room's lock is released. */
    private record Offer(String viewer, String publisher, String sdp) { }

    public KurentoSfu(Supplier<KurentoClient> client, MediaListener listener) {
        this.client = client;
        this.listener = listener;
    }

    @Override
    public boolean available() { return true; }

    @Override
    public String publish(String sessionId, String participant, String offer) throws MediaUnavailable {
        java.util.List<Offer> offers = new java.util.ArrayList<>();
        String answer = withRoom(sessionId, room -> {
            release(room.publishers.remove(participant));
            WebRtcEndpoint endpoint = endpoint(sessionId, room, participant, participant, participant);
            room.publishers.put(participant, endpoint);
            String sdp = negotiate(room, key(participant, participant), endpoint, offer);
            for (String viewer : room.awaiting.getOrDefault(participant, Set.of())) offers.add(offerTo(sessionId, room, viewer, participant));
            room.awaiting.remove(participant);
            return sdp;
        });
        tell(sessionId, offers);
        return answer;
    }

    /**
     * A server-offer subscription (v1.1): Kurento generates the offer on a new endpoint fed from
     * the publisher, at once or as soon as that person publishes, and the viewer answers with
     * {@link #accept}.
     */
    @Override
    public void subscribe(String sessionId, String viewer, String publisher) throws MediaUnavailable {
        java.util.List<Offer> offers = new java.util.ArrayList<>();
        withRoom(sessionId, room -> {
            if (room.publishers.containsKey(publisher)) offers.add(offerTo(sessionId, room, viewer, publisher));
            else room.awaiting.computeIfAbsent(publisher, p -> new HashSet<>()).add(viewer);
            return null;
        });
        tell(sessionId, offers);
    }

    @Override
    public void accept(String sessionId, String viewer, String publisher, String answer) throws MediaUnavailable {
        withRoom(sessionId, room -> {
            String key = key(viewer, publisher);
            WebRtcEndpoint endpoint = room.subscriptions.get(key);
            if (endpoint == null || !room.unanswered.remove(key)) throw new MediaUnavailable("No offer of that person's stream is waiting for an answer.");
            endpoint.processAnswer(answer);
            for (IceCandidate early : room.early.getOrDefault(key, java.util.List.of())) endpoint.addIceCandidate(toKurento(early));
            room.early.remove(key);
            return null;
        });
    }

    @Override
    public String subscribe(String sessionId, String viewer, String publisher, String offer) throws MediaUnavailable {
        return withRoom(sessionId, room -> {
            WebRtcEndpoint source = room.publishers.get(publisher);
            if (source == null) throw new MediaUnavailable("That person is not publishing yet.");
            String key = key(viewer, publisher);
            release(room.subscriptions.remove(key));
            WebRtcEndpoint endpoint = endpoint(sessionId, room, viewer, publisher, key);
            room.subscriptions.put(key, endpoint);
            if (room.audioHeld.contains(publisher)) source.connect(endpoint, MediaType.VIDEO);
            else source.connect(endpoint);
            return negotiate(room, key, endpoint, offer);
        });
    }

    @Override
    public void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate) {
        SessionMedia room = rooms.computeIfAbsent(sessionId, id -> new SessionMedia()); // candidates may come before the offer
        synchronized (room) {
            String key = key(participant, endpointOf);
            WebRtcEndpoint endpoint = participant.equals(endpointOf) ? room.publishers.get(participant) : room.subscriptions.get(key);
            if (endpoint == null || room.unanswered.contains(key)) room.early.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(candidate);
            else endpoint.addIceCandidate(toKurento(candidate));
        }
    }

    @Override
    public void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded) {
        SessionMedia room = rooms.get(sessionId);
        if (room == null) return;
        synchronized (room) {
            if (!mayPublish) {
                release(room.publishers.remove(participant));
                room.subscriptions.entrySet().removeIf(e -> {
                    boolean theirs = e.getKey().startsWith(participant + "|") || e.getKey().endsWith("|" + participant);
                    if (theirs) release(e.getValue());
                    return theirs;
                });
                room.audioHeld.remove(participant);
                room.unanswered.removeIf(key -> key.startsWith(participant + "|") || key.endsWith("|" + participant));
                room.awaiting.remove(participant);
                room.awaiting.values().forEach(viewers -> viewers.remove(participant));
                return;
            }
            boolean held = !audioForwarded;
            if (held == room.audioHeld.contains(participant)) return;
            WebRtcEndpoint source = room.publishers.get(participant);
            if (held) room.audioHeld.add(participant); else room.audioHeld.remove(participant);
            if (source == null) return;
            for (var e : room.subscriptions.entrySet()) {
                if (!e.getKey().endsWith("|" + participant)) continue;
                if (held) source.disconnect(e.getValue(), MediaType.AUDIO);
                else source.connect(e.getValue(), MediaType.AUDIO);
            }
        }
    }

    @Override
    public void close(String sessionId) {
        SessionMedia room = rooms.remove(sessionId);
        if (room == null) return;
        synchronized (room) {
            if (room.pipeline != null) {
                try {
                    room.pipeline.release();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "pipeline of session " + sessionId + " already gone");
                }
            }
        }
    }

    /**
     * The client reconnected to a new media-server session: every pipeline is gone. Forget them
     * (they are rebuilt on the next offer) and have every client publish and subscribe again.
     */
    public void mediaServerRestarted() {
        for (String sessionId : Set.copyOf(rooms.keySet())) {
            rooms.remove(sessionId);
            listener.republish(sessionId);
        }
    }

    private interface Work<T> { T run(SessionMedia room) throws MediaUnavailable; }

    private <T> T withRoom(String sessionId, Work<T> work) throws MediaUnavailable {
        SessionMedia room = rooms.computeIfAbsent(sessionId, id -> new SessionMedia());
        synchronized (room) {
            try {
                if (room.pipeline == null) room.pipeline = connected().createMediaPipeline();
                return work.run(room);
            } catch (JsonRpcErrorException | KurentoServerException e) {
                int code = e instanceof KurentoServerException k ? k.getCode() : ((JsonRpcErrorException) e).getCode();
                if (GONE.contains(code)) {
                    rooms.remove(sessionId);
                    LOG.info(() -> "media server lost session " + sessionId + "; asking its clients to publish again");
                    listener.republish(sessionId);
                }
                throw new MediaUnavailable("The media server could not take that offer.");
            } catch (RuntimeException e) {
                LOG.warning("media server call failed for session " + sessionId + ": " + e.getClass().getSimpleName());
                throw new MediaUnavailable("The media server is not reachable right now.");
            }
        }
    }

    private KurentoClient connected() throws MediaUnavailable {
        KurentoClient kurento = client.get();
        if (kurento == null) throw new MediaUnavailable("No media server is configured for this server.");
        return kurento;
    }

    private WebRtcEndpoint endpoint(String sessionId, SessionMedia room, String to, String endpointOf, String key) {
        WebRtcEndpoint endpoint = new WebRtcEndpoint.Builder(room.pipeline).build();
        endpoint.addIceCandidateFoundListener(event -> listener.candidate(sessionId, to, endpointOf, fromKurento(event.getCandidate())));
        return endpoint;
    }

    /** A new subscription endpoint fed from the publisher (video only while their audio is held), and Kurento's offer for it. */
    private Offer offerTo(String sessionId, SessionMedia room, String viewer, String publisher) {
        String key = key(viewer, publisher);
        release(room.subscriptions.remove(key));
        WebRtcEndpoint endpoint = endpoint(sessionId, room, viewer, publisher, key);
        room.subscriptions.put(key, endpoint);
        WebRtcEndpoint source = room.publishers.get(publisher);
        if (room.audioHeld.contains(publisher)) source.connect(endpoint, MediaType.VIDEO);
        else source.connect(endpoint);
        String sdp = endpoint.generateOffer();
        endpoint.gatherCandidates();
        room.unanswered.add(key);
        return new Offer(viewer, publisher, sdp);
    }

    /** Offers go out after the room's lock is released: the listener writes to sockets. */
    private void tell(String sessionId, java.util.List<Offer> offers) {
        for (Offer o : offers) listener.offer(sessionId, o.viewer(), o.publisher(), o.sdp());
    }

    private String negotiate(SessionMedia room, String key, WebRtcEndpoint endpoint, String offer) {
        String answer = endpoint.processOffer(offer);
        endpoint.gatherCandidates();
        for (IceCandidate early : room.early.getOrDefault(key, java.util.List.of())) endpoint.addIceCandidate(toKurento(early));
        room.early.remove(key);
        return answer;
    }

    private static void release(WebRtcEndpoint endpoint) {
        if (endpoint == null) return;
        try {
            endpoint.release();
        } catch (RuntimeException e) {
            LOG.fine("endpoint already released");
        }
    }

    static String key(String viewer, String publisher) { return viewer + "|" + publisher; }

    private static org.kurento.client.IceCandidate toKurento(IceCandidate c) {
        return new org.kurento.client.IceCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex());
    }

    private static IceCandidate fromKurento(org.kurento.client.IceCandidate c) {
        return new IceCandidate(c.getCandidate(), c.getSdpMid(), c.getSdpMLineIndex());
    }
}
