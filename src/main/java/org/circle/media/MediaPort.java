package org.circle.media;

/** What the signalling edge asks of media. Calls may block on the network: never under a room's lock. */
public interface MediaPort {

    String publish(String sessionId, String participant, String sdpOffer) throws MediaUnavailable;

    String subscribe(String sessionId, String viewer, String publisher, String sdpOffer) throws MediaUnavailable;

    /** A browser's ICE candidate for its own publishing endpoint ({@code endpointOf} = itself) or a subscription. */
    void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate);

    /** The session core's gate: not admitted releases everything of theirs; muted stops forwarding their audio. */
    void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded);

    void close(String sessionId);

    boolean available();
}
