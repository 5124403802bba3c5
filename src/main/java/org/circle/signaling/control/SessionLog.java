package org.circle.signaling.control;

import java.util.logging.Logger;
import org.circle.session.Command;

/**
 * One log line for each moment of a session an operator may be asked about later (who came, who
 * was admitted, refused or removed, a support request, the end), by id only: never the name, the
 * reason, the note or the message that came with it. High-volume frames (signals, speaking,
 * hands) are not logged. With {@code CIRCLE_LOG_FORMAT=json} the ids become fields.
 */
final class SessionLog {

    private static final Logger LOG = Logger.getLogger(SessionLog.class.getName());

    private SessionLog() { }

    static void accepted(String sessionId, Command command) {
        if (!LOG.isLoggable(java.util.logging.Level.INFO)) return;
        String what = describe(command);
        if (what != null) LOG.info("session " + sessionId + ": " + what);
    }

    /** The line for a command, or null for one not worth a line. */
    static String describe(Command command) {
        if (command instanceof Command.Join j) return "participant " + j.participantId() + " arrived as " + j.role().wire();
        if (command instanceof Command.Resumed r) return "participant " + r.participant() + " came back";
        if (command instanceof Command.Disconnected d) return "participant " + d.participant() + " dropped";
        if (command instanceof Command.Leave l) return "participant " + l.actor() + " left";
        if (command instanceof Command.RequestSupport s) return "participant " + s.actor() + " asked for support";
        if (command instanceof Command.Admit a) return "participant " + a.actor() + " admitted " + a.participant();
        if (command instanceof Command.AdmitAll a) return "participant " + a.actor() + " admitted everyone waiting";
        if (command instanceof Command.Deny d) return "participant " + d.actor() + " turned away " + d.participant();
        if (command instanceof Command.Remove r) return "participant " + r.actor() + " removed " + r.participant();
        if (command instanceof Command.SendToWaiting w) return "participant " + w.actor() + " sent " + w.participant() + " to the waiting room";
        if (command instanceof Command.Lock l) return "participant " + l.actor() + (l.locked() ? " locked" : " unlocked") + " the session";
        if (command instanceof Command.LetIn l) return "participant " + l.actor() + " let member " + l.member() + " in past the lock";
        if (command instanceof Command.End e) return "participant " + e.actor() + " ended the session";
        return null;
    }
}
