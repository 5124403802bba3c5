package org.circle.signaling.control;

import java.util.Optional;
import org.circle.media.Feed;
import org.circle.media.IceCandidate;
import org.circle.media.MediaPort;
import org.circle.media.MediaUnavailable;
import org.circle.media.MediaUnsupported;
import org.circle.session.Command;
import org.circle.session.ErrorCode;
import org.circle.session.MediaKind;
import org.circle.session.Outcome;
import org.circle.session.Refusal;

/**
 * One room's SFU frames (media.publish, media.subscribe, media.accept, media.ice), each for a feed:
 * a person's camera or, with {@code source: "screen"}, the screen they share. Who may send or see
 * media is the core's decision, asked under the room's lock; the media port is called on the
 * socket's own thread, outside it, because a media server that is slow must not hold up the session.
 */
final class MediaFrames {

    private final Room room;
    private final String id;
    private final MediaKind kind;
    private final MediaPort port;

    MediaFrames(Room room, String id, MediaKind kind, MediaPort port) {
        this.room = room;
        this.id = id;
        this.kind = kind;
        this.port = port;
    }

    void handle(Connection from, ClientFrame f) {
        if (!port.available()) {
            from.send(ServerFrames.mediaUnavailable(f.ref(), kind));
            return;
        }
        String me = from.participantId();
        if (refusedMedia(from, f, me, null)) return;
        Feed.Source source = Feed.Source.fromWire(f.optionalText("source"));
        if (source == null) throw f.bad("source must be camera or screen.");
        try {
            switch (f.type()) {
                case "media.publish" -> {
                    Feed feed = new Feed(me, source);
                    if (source == Feed.Source.SCREEN && refusedShare(from, f, me)) return;
                    room.awaitMediaAccess(); // the port has heard that they may publish (a share just allowed, too)
                    answerMedia(from, f, feed, port.publish(id, feed.key(), f.text("sdp")));
                }
                case "media.subscribe", "media.accept" -> {
                    String publisher = f.text("participant");
                    if (refusedMedia(from, f, me, publisher)) return;
                    Feed feed = new Feed(publisher, source);
                    String sdp = f.optionalText("sdp");
                    if (f.type().equals("media.accept")) {
                        if (sdp == null) throw f.bad("sdp is required.");
                        port.accept(id, me, feed.key(), sdp);
                        if (f.ref() != null) from.send(ServerFrames.ack(f.ref()));
                    } else if (sdp == null) { // server offer: media.offer follows, now or once they publish
                        port.subscribe(id, me, feed.key());
                        if (f.ref() != null) from.send(ServerFrames.ack(f.ref()));
                    } else {
                        answerMedia(from, f, feed, port.subscribe(id, me, feed.key(), sdp));
                    }
                }
                default -> {
                    var candidate = f.object("candidate");
                    port.ice(id, me, new Feed(f.text("participant"), source).key(), new IceCandidate(candidate.getString("candidate", ""),
                            candidate.getString("sdpMid", "0"), candidate.getInt("sdpMLineIndex", 0)));
                    if (f.ref() != null) from.send(ServerFrames.ack(f.ref()));
                }
            }
        } catch (MediaUnsupported e) {
            from.send(ServerFrames.error(f.ref(), ErrorCode.BAD_MESSAGE, e.getMessage()));
        } catch (MediaUnavailable e) {
            from.send(ServerFrames.error(f.ref(), ErrorCode.MEDIA_UNAVAILABLE, e.getMessage()));
        }
    }

    private boolean refusedMedia(Connection from, ClientFrame f, String me, String peer) {
        Optional<Refusal> refusal = room.mediaRefusal(me, peer);
        refusal.ifPresent(r -> from.send(ServerFrames.refusal(f.ref(), r)));
        return refusal.isPresent();
    }

    /** A screen's publish is the share itself (v1.1): the core decides, as for {@code self.media {screen}}. */
    private boolean refusedShare(Connection from, ClientFrame f, String me) {
        Refusal[] refused = new Refusal[1];
        room.apply(new Command.ShareScreen(me, true), new Answer() {
            @Override public void refused(Refusal refusal) { refused[0] = refusal; }
            @Override public void recorded(Outcome outcome, Throwable failure) { }
        });
        if (refused[0] != null) from.send(ServerFrames.refusal(f.ref(), refused[0]));
        return refused[0] != null;
    }

    private static void answerMedia(Connection c, ClientFrame f, Feed feed, String sdp) {
        c.send(ServerFrames.mediaAnswer(feed, sdp));
        if (f.ref() != null) c.send(ServerFrames.ack(f.ref()));
    }
}
