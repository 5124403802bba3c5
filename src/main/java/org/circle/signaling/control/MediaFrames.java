package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.circle.media.IceCandidate;
import org.circle.media.Media;
import org.circle.media.MediaListener;
import org.circle.media.MediaUnavailable;
import org.circle.media.MediaUnsupported;
import org.circle.platform.Jsons;
import org.circle.session.ParticipantView;
import org.circle.session.Status;

/**
 * The SFU frames (media.publish, media.subscribe, media.accept, media.ice) and their answers. Media calls run on
 * the socket's own thread, outside the room's lock: a media server that is slow must not hold up
 * the session. Who may publish or be seen is the session core's decision, read from its state.
 */
@ApplicationScoped
public class MediaFrames implements MediaListener {

    @Inject
    Media media;

    @Inject
    Rooms rooms;

    void handle(Connection c, ClientFrame f, Room room) {
        var port = room.session.view().media() == org.circle.session.Media.SFU ? media.sfu() : java.util.Optional.<org.circle.media.MediaPort>empty();
        if (port.isEmpty()) {
            c.send(ServerFrames.error(f.ref(), "MEDIA_UNAVAILABLE", room.session.view().media() == org.circle.session.Media.SFU
                    ? "This server has no media server for large sessions." : "This session's media does not pass through the server."));
            return;
        }
        String me = c.participantId();
        if (!admitted(room, me)) {
            c.send(ServerFrames.error(f.ref(), "NOT_ADMITTED", "You are still in the waiting room."));
            return;
        }
        try {
            switch (f.type()) {
                case "media.publish" -> answer(c, f, me, port.get().publish(room.id, me, f.text("sdp")));
                case "media.subscribe", "media.accept" -> {
                    String publisher = f.text("participant");
                    if (!admitted(room, publisher) || publisher.equals(me)) {
                        c.send(ServerFrames.error(f.ref(), "UNKNOWN_PARTICIPANT", "No such participant in the session."));
                        return;
                    }
                    String sdp = f.optionalText("sdp");
                    if (f.type().equals("media.accept")) {
                        if (sdp == null) throw f.bad("sdp is required.");
                        port.get().accept(room.id, me, publisher, sdp);
                        acknowledge(c, f);
                    } else if (sdp == null) { // server offer: media.offer follows, now or once they publish
                        port.get().subscribe(room.id, me, publisher);
                        acknowledge(c, f);
                    } else {
                        answer(c, f, publisher, port.get().subscribe(room.id, me, publisher, sdp));
                    }
                }
                default -> {
                    JsonObject candidate = f.object("candidate");
                    port.get().ice(room.id, me, f.text("participant"), new IceCandidate(candidate.getString("candidate", ""),
                            candidate.getString("sdpMid", "0"), candidate.getInt("sdpMLineIndex", 0)));
                    if (f.ref() != null) c.send(ServerFrames.ack(f.ref(), null));
                }
            }
        } catch (MediaUnsupported e) {
            c.send(ServerFrames.error(f.ref(), "BAD_MESSAGE", e.getMessage()));
        } catch (MediaUnavailable e) {
            c.send(ServerFrames.error(f.ref(), "MEDIA_UNAVAILABLE", e.getMessage()));
        }
    }

    private static boolean admitted(Room room, String participant) {
        return room.session.participant(participant).map(ParticipantView::status).orElse(Status.LEFT) == Status.ADMITTED;
    }

    private static void answer(Connection c, ClientFrame f, String participant, String sdp) {
        c.send(Jsons.createObjectBuilder().add("type", "media.answer").add("participant", participant).add("sdp", sdp).build().toString());
        acknowledge(c, f);
    }

    private static void acknowledge(Connection c, ClientFrame f) {
        if (f.ref() != null) c.send(ServerFrames.ack(f.ref(), null));
    }

    @Override
    public void offer(String sessionId, String viewer, String publisher, String sdp) {
        rooms.existing(sessionId).map(r -> r.connections.get(viewer)).ifPresent(c -> c.send(Jsons.createObjectBuilder()
                .add("type", "media.offer").add("participant", publisher).add("sdp", sdp).build().toString()));
    }

    @Override
    public void published(String sessionId, String to, String participant, String source, boolean on) {
        rooms.existing(sessionId).ifPresent(room -> {
            String frame = Jsons.createObjectBuilder().add("type", on ? "media.published" : "media.unpublished")
                    .add("participant", participant).add("source", source).build().toString();
            room.connections.forEach((id, c) -> {
                if ((to == null ? !id.equals(participant) : id.equals(to)) && admitted(room, id)) c.send(frame);
            });
        });
    }

    @Override
    public void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate) {
        rooms.existing(sessionId).map(r -> r.connections.get(to)).ifPresent(c -> c.send(Jsons.createObjectBuilder()
                .add("type", "media.ice").add("participant", endpointOf)
                .add("candidate", Jsons.createObjectBuilder().add("candidate", candidate.candidate())
                        .add("sdpMid", candidate.sdpMid()).add("sdpMLineIndex", candidate.sdpMLineIndex()))
                .build().toString()));
    }

    @Override
    public void republish(String sessionId) {
        rooms.existing(sessionId).ifPresent(room -> {
            String frame = "{\"type\":\"media.restart\"}";
            room.connections.forEach((id, c) -> { if (admitted(room, id)) c.send(frame); });
        });
    }
}
