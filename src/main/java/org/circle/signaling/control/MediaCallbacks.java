package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.circle.media.Feed;
import org.circle.media.IceCandidate;
import org.circle.media.MediaListener;

/** What a media server says back reaches the session's room, which turns it into frames. */
@ApplicationScoped
public class MediaCallbacks implements MediaListener {

    @Inject
    Rooms rooms;

    @Override
    public void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate) {
        rooms.existing(sessionId).ifPresent(room -> room.mediaCandidate(to, Feed.of(endpointOf), candidate));
    }

    @Override
    public void offer(String sessionId, String viewer, String publisher, String sdp) {
        rooms.existing(sessionId).ifPresent(room -> room.mediaOffer(viewer, Feed.of(publisher), sdp));
    }

    @Override
    public void published(String sessionId, String to, String participant, String source, boolean on) {
        // The adapters name a share as a publisher of its own: its key says it is a screen.
        Feed feed = Feed.of(participant);
        String wire = feed.source() == Feed.Source.SCREEN ? feed.source().wire() : source;
        rooms.existing(sessionId).ifPresent(room -> room.mediaPublished(to, feed.participant(), wire, on));
    }

    @Override
    public void republish(String sessionId) {
        rooms.existing(sessionId).ifPresent(Room::mediaRestarted);
    }
}
