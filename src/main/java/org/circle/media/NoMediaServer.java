package org.circle.media;

/**
 * No media server between the people of a session, so this port is never available and the edge
 * never calls it. Two cases: {@link #MESH}, where browsers send their media to each other and the
 * server only relays their {@code signal} frames between admitted people (a rule the session core
 * decides); and {@link #NOT_CONFIGURED}, an SFU session on a server that has no media server.
 */
public final class NoMediaServer implements MediaPort {

    /** The mesh relay: media flows browser to browser; there is nothing for a server to gate. */
    public static final NoMediaServer MESH = new NoMediaServer();

    /** An SFU session where CIRCLE_KMS_URL is not set. */
    public static final NoMediaServer NOT_CONFIGURED = new NoMediaServer();

    private NoMediaServer() { }

    @Override public boolean available() { return false; }

    @Override public String publish(String sessionId, String participant, String sdpOffer) throws MediaUnavailable { throw none(); }

    @Override public String subscribe(String sessionId, String viewer, String publisher, String sdpOffer) throws MediaUnavailable { throw none(); }

    @Override public void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate) throws MediaUnavailable { throw none(); }

    @Override public void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded) { }

    @Override public void close(String sessionId) { }

    private static MediaUnavailable none() {
        return new MediaUnavailable("No media passes through a server in this session.");
    }
}
