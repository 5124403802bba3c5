package org.circle.media;

/**
 * What the signalling edge asks of media for one kind of session; {@link MediaServers} picks the
 * adapter. Calls may block on the network: the edge never makes them under a room's lock, and they
 * may arrive in any order (a subscription before its publisher, a mute before a publish): the
 * adapter keeps the wanted state and converges on it. What the media server says back (candidates,
 * a restart) comes through {@link MediaListener}.
 */
public interface MediaPort {

    /**
     * Whether media passes through a server for this session right now. When false the edge
     * answers every SFU frame with MEDIA_UNAVAILABLE and tells the port nothing at all.
     */
    boolean available();

    /** A person's offer to publish their camera and microphone; returns the SDP answer. */
    String publish(String sessionId, String participant, String sdpOffer) throws MediaUnavailable;

    /** A viewer's offer to receive one publisher; returns the SDP answer. */
    String subscribe(String sessionId, String viewer, String publisher, String sdpOffer) throws MediaUnavailable;

    /** A browser's ICE candidate for its own publishing endpoint ({@code endpointOf} = itself) or a subscription. */
    void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate) throws MediaUnavailable;

    /** The session core's gate: not admitted releases everything of theirs; muted stops forwarding their audio. */
    void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded);

    /** The session ended: release everything it holds. */
    void close(String sessionId);
}
