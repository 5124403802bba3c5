package org.circle.media;

/** The session's media cannot go through the server (mesh session, or no media server configured or reachable). */
public class MediaUnavailable extends Exception {
    public MediaUnavailable(String message) {
        super(message, null, false, false);
    }
}
