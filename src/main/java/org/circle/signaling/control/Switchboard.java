package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.consent.control.ConsentLedger;
import org.circle.group.control.Tickets;
import org.circle.platform.Names;
import org.circle.session.CloseCode;
import org.circle.session.Command;
import org.circle.session.ErrorCode;
import org.circle.session.Refusal;
import org.circle.session.Role;
import org.circle.signaling.control.ClientFrame.BadFrame;

/**
 * The protocol of one socket: hello first (ticket or resume token), then frames that become
 * commands for the socket's room, each answered by ack or error when it carries a ref. Transport
 * limits are enforced here; the rules of the session are not.
 */
@ApplicationScoped
public class Switchboard {

    private static final Logger LOG = Logger.getLogger(Switchboard.class.getName());

    @Inject
    Rooms rooms;

    @Inject
    Tickets tickets;

    @Inject
    ConsentLedger ledger;

    @Inject
    org.circle.group.control.Groups groups;

    @Inject
    LiveCheckIns checkIns;

    @Inject
    FrameMeter meter;

    public void received(Connection c, String text) {
        switch (c.arrived(System.nanoTime())) {
            case CLOSE -> {
                LOG.info(() -> "closing an abusive socket: participant " + c.participantId());
                c.closeNow(CloseCode.POLICY, "too many frames");
                return;
            }
            case REFUSE -> {
                c.send(ServerFrames.error(refOf(text), ErrorCode.RATE_LIMITED, "Too many messages. Please slow down."));
                return;
            }
            default -> { }
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (BadFrame e) {
            if (!c.greeted()) c.closeNow(CloseCode.POLICY, "hello first");
            else c.send(ServerFrames.error(e.ref, ErrorCode.BAD_MESSAGE, e.getMessage()));
            return;
        }
        try {
            if (!c.greeted()) hello(c, frame);
            else command(c, frame);
        } catch (BadFrame e) {
            c.send(ServerFrames.error(e.ref, ErrorCode.BAD_MESSAGE, e.getMessage()));
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error " + id + " on a " + frame.type() + " frame", e);
            c.send(ServerFrames.error(frame.ref(), ErrorCode.INTERNAL, "Something went wrong on our side (reference " + id + ")."));
        }
    }

    private void hello(Connection c, ClientFrame f) {
        if (!"hello".equals(f.type())) {
            c.closeNow(CloseCode.POLICY, "hello first");
            return;
        }
        meter.received("hello");
        Integer protocol = f.optionalInt("protocol");
        if (protocol == null || protocol != 1) {
            refuseHello(c, f, new Refusal(ErrorCode.BAD_MESSAGE, "This server speaks protocol 1."));
            return;
        }
        String resume = f.optionalText("resume");
        if (resume != null) {
            var room = rooms.resuming(resume);
            if (room.isEmpty()) {
                refuseHello(c, f, new Refusal(ErrorCode.TICKET_INVALID, "That connection can no longer be resumed. Please join again from your link."));
                return;
            }
            room.get().join(c, new Hello.Return(resume)).ifPresent(r -> refuseHello(c, f, r));
            return;
        }
        var holder = tickets.redeem(f.optionalText("ticket"));
        if (holder.isEmpty()) {
            refuseHello(c, f, new Refusal(ErrorCode.TICKET_INVALID, "That ticket is not valid. Please join again from your link."));
            return;
        }
        var h = holder.get();
        var room = rooms.open(h.sessionId());
        if (room.isEmpty()) {
            refuseHello(c, f, new Refusal(ErrorCode.SESSION_ENDED, "This session has ended."));
            return;
        }
        // Before a member's join, so that the facilitators' first sight of them knows their check-in
        // and the gate they must pass (only members are admitted, so only their arrival needs it).
        if (!h.facilitator()) {
            for (Command known : checkIns.arrival(h.groupId(), h.sessionId(), h.memberId())) room.get().apply(known, Answer.NOBODY);
        }
        String participant = h.facilitator() ? Participants.facilitator(h.facilitatorId()) : Participants.newMember();
        boolean consent = h.facilitator() || ledger.isComplete(h.groupId(), h.memberId());
        String name;
        try {
            name = chosenName(f, h.displayName(), h.facilitator() ? List.of() : groups.facilitatorNames(h.groupId()));
        } catch (NameRefused e) {
            refuseHello(c, f, new Refusal(ErrorCode.NAME_REFUSED, e.getMessage())); // the page asks again, with a new ticket
            return;
        }
        var join = new Command.Join(participant, h.memberId(), name, h.facilitator() ? Role.FACILITATOR : Role.PARTICIPANT, consent,
                h.facilitator() ? null : h.displayName());
        room.get().join(c, new Hello.Arrival(join)).ifPresent(r -> refuseHello(c, f, r));
    }

    /**
     * A member may join under a first name or pseudonym of their choosing, for this session, if
     * others can read it and it is not the name of one of the group's facilitators.
     */
    private static String chosenName(ClientFrame f, String given, List<String> facilitatorNames) {
        String chosen = f.optionalText("displayName");
        if (chosen == null) return given;
        chosen = chosen.strip();
        var problem = Names.problem(chosen);
        if (problem.isPresent()) throw new NameRefused(problem.get());
        if (Names.readsAs(chosen, facilitatorNames)) throw new NameRefused("That is the name of a facilitator of this group. Please choose another.");
        return chosen;
    }

    private static final class NameRefused extends RuntimeException {
        NameRefused(String message) { super(message, null, false, false); }
    }

    private static void refuseHello(Connection c, ClientFrame f, Refusal refusal) {
        c.send(ServerFrames.refusal(f.ref(), refusal));
        c.closeAfterSending(CloseCode.POLICY, refusal.code().name());
    }

    private void command(Connection c, ClientFrame f) {
        var room = rooms.existing(c.sessionId());
        if (room.isEmpty()) {
            c.send(ServerFrames.error(f.ref(), ErrorCode.SESSION_ENDED, "This session has ended."));
            return;
        }
        Command command = Commands.of(f, c.participantId());
        meter.received(f.type()); // after Commands.of: only a known type is counted
        if (command == null) {
            room.get().media(c, f);
            return;
        }
        long start = System.nanoTime();
        room.get().apply(command, Answer.to(c, f.ref()));
        if (command instanceof Command.Admit || command instanceof Command.AdmitAll) {
            meter.admission(java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }

    public void closed(Connection c) {
        if (!c.greeted()) return;
        rooms.existing(c.sessionId()).ifPresent(room -> room.leave(c));
    }

    private static String refOf(String text) {
        try {
            return ClientFrame.parse(text).ref();
        } catch (BadFrame e) {
            return null;
        }
    }
}
