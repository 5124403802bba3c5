package org.circle.media;

/** What media tells the edge: candidates for one person's socket, and a restarted media server. */
public interface MediaListener {

    /** Becomes {@code media.ice {participant: endpointOf, candidate}} to {@code to}. */
    void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate);

    /** The media server lost the session's pipeline: every client must publish and subscribe again ({@code media.restart}). */
    void republish(String sessionId);
}
