package org.circle.media;

/**
 * What the signalling edge asks of media. Calls may block on the network: never under a room's lock.
 * They may also come in any order (a subscription before its publisher's stream, a mute before a
 * publish): an adapter keeps what is wanted and converges on it.
 */
public interface MediaPort {

    String publish(String sessionId, String participant, String sdpOffer) throws MediaUnavailable;

    /** v1's client-offer subscription: the browser offers, the media server answers. */
    String subscribe(String sessionId, String viewer, String publisher, String sdpOffer) throws MediaUnavailable;

    /**
     * A server-offer subscription: the adapter sends the viewer an offer through
     * {@link MediaListener#offer} as soon as the publisher's stream exists (at once or later).
     */
    default void subscribe(String sessionId, String viewer, String publisher) throws MediaUnavailable {
        throw new MediaUnsupported("This media server takes subscriptions with the client's offer: send media.subscribe with sdp.");
    }

    /** The viewer's answer to a server offer. */
    default void accept(String sessionId, String viewer, String publisher, String sdpAnswer) throws MediaUnavailable {
        throw new MediaUnsupported("This media server sends no offers: send media.subscribe with sdp.");
    }

    /** A browser's ICE candidate for its own publishing endpoint ({@code endpointOf} = itself) or a subscription. */
    void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate);

    /** The session core's gate: not admitted releases everything of theirs; muted stops forwarding their audio. */
    void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded);

    void close(String sessionId);

    boolean available();
}
