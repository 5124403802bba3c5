package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.consent.control.ConsentLedger;
import org.circle.group.control.Tickets;
import org.circle.media.IceServers;
import org.circle.platform.Jsons;
import org.circle.session.Command;
import org.circle.session.LiveSession;
import org.circle.session.ParticipantView;
import org.circle.session.Reply;
import org.circle.session.Role;
import org.circle.session.SessionView;
import org.circle.signaling.control.ClientFrame.BadFrame;

/**
 * The protocol of one socket: hello first (ticket or resume token), then frames that become
 * commands, each answered by ack or error when it carries a ref. Transport limits are enforced
 * here; the rules of the session are not.
 */
@ApplicationScoped
public class Switchboard {

    private static final Logger LOG = Logger.getLogger(Switchboard.class.getName());

    @Inject
    Rooms rooms;

    @Inject
    Tickets tickets;

    @Inject
    IceServers iceServers;

    @Inject
    ConsentLedger ledger;

    @Inject
    MediaFrames mediaFrames;

    @Inject
    org.circle.media.Media media;

    public void received(Connection c, String text) {
        switch (c.rateLimit.take(System.nanoTime())) {
            case CLOSE -> {
                LOG.info(() -> "closing an abusive socket: participant " + c.participantId());
                c.closeNow(1008, "too many frames");
                return;
            }
            case REFUSE -> {
                c.send(ServerFrames.error(refOf(text), "RATE_LIMITED", "Too many messages. Please slow down."));
                return;
            }
            default -> { }
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (BadFrame e) {
            if (!c.greeted()) c.closeNow(1008, "hello first");
            else c.send(ServerFrames.error(e.ref, "BAD_MESSAGE", e.getMessage()));
            return;
        }
        try {
            if (!c.greeted()) hello(c, frame);
            else command(c, frame);
        } catch (BadFrame e) {
            c.send(ServerFrames.error(e.ref, "BAD_MESSAGE", e.getMessage()));
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error " + id + " on a " + frame.type() + " frame", e);
            c.send(ServerFrames.error(frame.ref(), "INTERNAL", "Something went wrong on our side (reference " + id + ")."));
        }
    }

    private void hello(Connection c, ClientFrame f) {
        if (!"hello".equals(f.type())) {
            c.closeNow(1008, "hello first");
            return;
        }
        Integer protocol = f.optionalInt("protocol");
        if (protocol == null || protocol != 1) {
            refuseHello(c, f, "BAD_MESSAGE", "This server speaks protocol 1.");
            return;
        }
        String resume = f.optionalText("resume");
        if (resume != null) {
            resume(c, f, resume);
            return;
        }
        var holder = tickets.redeem(f.optionalText("ticket"));
        if (holder.isEmpty()) {
            refuseHello(c, f, "TICKET_INVALID", "That ticket is not valid. Please join again from your link.");
            return;
        }
        var h = holder.get();
        var room = rooms.room(h.sessionId());
        if (room.isEmpty()) {
            refuseHello(c, f, "SESSION_ENDED", "This session has ended.");
            return;
        }
        String participant = h.facilitator() ? "f" + h.facilitatorId() : "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        boolean consent = h.facilitator() || ledger.isComplete(h.groupId(), h.memberId());
        String name = chosenName(f, h.displayName());
        var join = new Command.Join(participant, h.memberId(), name, h.facilitator() ? Role.FACILITATOR : Role.PARTICIPANT, consent);
        rooms.apply(room.get(), join, c, this::welcome, null).refusal()
                .ifPresent(r -> refuseHello(c, f, r.code().name(), r.message()));
    }

    /** A member may join under a first name or pseudonym of their choosing, for this session. */
    private static String chosenName(ClientFrame f, String given) {
        String chosen = f.optionalText("displayName");
        if (chosen == null) return given;
        chosen = chosen.strip();
        if (chosen.isEmpty() || chosen.length() > 80 || org.circle.platform.Texts.hasControlCharacters(chosen)) {
            throw f.bad("displayName must be 1 to 80 characters without control characters.");
        }
        return chosen;
    }

    private void resume(Connection c, ClientFrame f, String token) {
        var place = rooms.resumeTokens.redeem(token);
        var room = place.flatMap(p -> rooms.existing(p.sessionId()));
        if (room.isEmpty()) {
            refuseHello(c, f, "TICKET_INVALID", "That connection can no longer be resumed. Please join again from your link.");
            return;
        }
        rooms.apply(room.get(), new Command.Resumed(place.get().participantId()), c, this::welcome, null).refusal()
                .ifPresent(r -> refuseHello(c, f, "TICKET_INVALID", r.message()));
    }

    private void refuseHello(Connection c, ClientFrame f, String code, String message) {
        c.send(ServerFrames.error(f.ref(), code, message));
        c.closeAfterSending(1008, code);
    }

    private String welcome(LiveSession session, String participant) {
        ParticipantView you = session.participant(participant).orElseThrow();
        SessionView s = session.view();
        String resume = rooms.resumeTokens.issue(s.id(), participant);
        JsonObjectBuilder sessionJson = Jsons.createObjectBuilder().add("id", s.id()).add("title", s.title())
                .add("state", s.state()).add("mode", s.mode().wire()).add("locked", s.locked()).add("media", s.media().wire());
        if (s.media() == org.circle.session.Media.SFU) sessionJson.add("mediaAvailable", media.sfuAvailable());
        JsonArray ice = iceServers.forParticipant(participant);
        return Jsons.createObjectBuilder().add("type", "welcome")
                .add("you", Jsons.createObjectBuilder().add("id", you.id()).add("role", you.role().wire())
                        .add("displayName", you.displayName()).add("status", you.status().wire()))
                .add("session", sessionJson).add("resume", resume).add("iceServers", ice)
                .build().toString();
    }

    private void command(Connection c, ClientFrame f) {
        var room = rooms.existing(c.sessionId());
        if (room.isEmpty()) {
            c.send(ServerFrames.error(f.ref(), "SESSION_ENDED", "This session has ended."));
            return;
        }
        Command command = Commands.of(f, c.participantId());
        if (command == null) {
            mediaFrames.handle(c, f, room.get());
            return;
        }
        String ref = f.ref();
        var outcome = rooms.apply(room.get(), command, null, null, ref == null ? null : (done, failure) -> {
            List<String> leftWaiting = done.reply().filter(r -> r instanceof Reply.LeftWaiting)
                    .map(r -> ((Reply.LeftWaiting) r).participants()).orElse(null);
            // What matters is durable before it is acknowledged.
            c.send(failure == null ? ServerFrames.ack(ref, leftWaiting)
                    : ServerFrames.error(ref, "INTERNAL", "It happened, but could not be recorded."));
        });
        outcome.refusal().ifPresent(r -> c.send(ServerFrames.error(ref, r.code().name(), r.message())));
    }

    public void closed(Connection c) {
        if (!c.greeted()) return;
        rooms.existing(c.sessionId()).ifPresent(room -> {
            if (room.connections.remove(c.participantId(), c)) rooms.apply(room, new Command.Disconnected(c.participantId()));
        });
    }

    private static String refOf(String text) {
        try {
            return ClientFrame.parse(text).ref();
        } catch (BadFrame e) {
            return null;
        }
    }
}
