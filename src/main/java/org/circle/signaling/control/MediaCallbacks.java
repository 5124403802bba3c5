package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.circle.media.IceCandidate;
import org.circle.media.MediaListener;

/** What a media server says back reaches the session's room, which turns it into frames. */
@ApplicationScoped
public class MediaCallbacks implements MediaListener {

    @Inject
    Rooms rooms;

    @Override
    public void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate) {
        rooms.existing(sessionId).ifPresent(room -> room.mediaCandidate(to, endpointOf, candidate));
    }

    @Override
    public void republish(String sessionId) {
        rooms.existing(sessionId).ifPresent(Room::mediaRestarted);
    }
}
