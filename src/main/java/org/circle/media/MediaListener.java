package org.circle.media;

/** What media tells the edge: candidates, offers and published streams for people's sockets, and a restarted media server. */
public interface MediaListener {

    /** Becomes {@code media.ice {participant: endpointOf, candidate}} to {@code to}. */
    void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate);

    /** The media server lost the session's pipeline: every client must publish and subscribe again ({@code media.restart}). */
    void republish(String sessionId);

    /** A server-offered subscription: {@code media.offer {participant: publisher, sdp}} to the viewer. */
    default void offer(String sessionId, String viewer, String publisher, String sdp) {
        throw new UnsupportedOperationException("this listener takes no server offers");
    }

    /**
     * {@code media.published} (on) or {@code media.unpublished} {participant, source} to {@code to},
     * or to everyone admitted when {@code to} is null.
     */
    default void published(String sessionId, String to, String participant, String source, boolean on) { }
}
