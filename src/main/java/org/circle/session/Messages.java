package org.circle.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Private messages, for the session only: a member (waiting or admitted) writes to the
 * facilitators; a facilitator writes to one person or to everyone admitted. There are no
 * messages between members. Every message also reaches its sender and, so that co-facilitators
 * see the same conversation, every facilitator. Nothing is kept once it is delivered.
 */
final class Messages {

    static final int MAX_TEXT = 1000;
    /** The {@code to} of a message for every facilitator, and of one for everyone admitted. */
    static final String FACILITATORS = "facilitators";
    static final String EVERYONE = "everyone";

    /** A conversation's pace, and more than a flood allows: five at once, then one every three seconds. */
    static final int BURST = 5;
    static final Duration EVERY = Duration.ofSeconds(3);

    private final LiveSession s;
    private long sent;
    /** Only for what members (and co-facilitators) write to the facilitators: that is what alerts them. */
    private final Pace pace = new Pace(BURST, EVERY, "You have sent several messages just now.");

    Messages(LiveSession s) { this.s = s; }

    long sent() { return sent; }

    void restore(long sent, Map<String, Instant> pace) {
        this.sent = sent;
        this.pace.restore(pace);
    }

    Map<String, Instant> savePace() { return pace.save(); }

    void toFacilitators(Command.MessageFacilitators c, Instant now, Changes changes) {
        String text = text(c.text());
        pace.take(c.actor(), now);
        Event.Message m = message(c.actor(), text, now, FACILITATORS);
        Person sender = s.person(c.actor());
        // Separate deliveries: what a waiting person writes names them to facilitators only.
        for (Person p : s.people.values()) {
            if (p.facilitator() && p.admitted() && p != sender) changes.toOne(p.id, m);
        }
        changes.toOne(sender.id, m);
        changes.reply(new Reply.MessageSent(m.id(), s.connectedFacilitators(sender.id)));
    }

    void send(Command.SendMessage c, Instant now, Changes changes) {
        String text = text(c.text());
        if (c.participant() == null) {
            Event.Message m = message(c.actor(), text, now, EVERYONE);
            changes.toAdmitted(m);
            changes.reply(new Reply.MessageSent(m.id(), null));
            return;
        }
        Check.id(c.participant(), "participant");
        Person to = s.person(c.participant());
        if (to == null || !to.status.present()) throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "Nobody by that id is in the session.");
        Event.Message m = message(c.actor(), text, now, to.id);
        changes.toOne(to.id, m);
        for (Person p : s.people.values()) {
            if (p.facilitator() && p.admitted() && p != to) changes.toOne(p.id, m);
        }
        changes.reply(new Reply.MessageSent(m.id(), null));
    }

    private Event.Message message(String from, String text, Instant now, String to) {
        return new Event.Message("msg" + (++sent) + "-" + Long.toString(s.info.createdAt().toEpochMilli(), 36),
                from, s.person(from).displayName, text, now, to);
    }

    @Override
    public String toString() { return sent + "/" + pace; }

    /** Required, at most 1000 characters, lines and tabs allowed but no other control characters. */
    static String text(String value) {
        if (value == null || value.isBlank()) throw Check.bad("text is required");
        if (value.length() > MAX_TEXT) throw Check.bad("text must be at most " + MAX_TEXT + " characters");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch != '\n' && ch != '\t' && (Character.isISOControl(ch) || (ch >= '\u202a' && ch <= '\u202e') || (ch >= '\u2066' && ch <= '\u2069'))) {
                throw Check.bad("text must not contain control characters");
            }
        }
        return value.strip();
    }
}
