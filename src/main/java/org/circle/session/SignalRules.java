package org.circle.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may relay a {@code signal} to whom, as the session stands: the only rules a signal meets,
 * taken out of the live session as an immutable value. A relayed signal changes nothing, so an
 * edge may decide it on the value the session last gave out, without waiting for the session's
 * writer (which may be recording a facilitator's control in the database at that moment); the
 * live session decides its own signals with these same rules.
 */
public record SignalRules(Set<String> present, Set<String> admitted, boolean ended) {

    public SignalRules {
        present = Set.copyOf(present);
        admitted = Set.copyOf(admitted);
    }

    /** The outcome of a signal: refused, or one delivery of the payload to its recipient. */
    public Outcome decide(Command.Signal c) {
        try {
            if (!present.contains(c.actor())) throw Check.refuse(ErrorCode.FORBIDDEN, "You are not in this session.");
            if (ended) throw Check.refuse(ErrorCode.SESSION_ENDED, "This session has ended.");
            if (!admitted.contains(c.actor())) throw Check.refuse(ErrorCode.NOT_ADMITTED, "You are still in the waiting room.");
            Check.id(c.to(), "to");
            if (c.payloadJson() == null || c.payloadJson().isBlank()) throw Check.bad("payload is required");
            if (!admitted.contains(c.to()) || c.to().equals(c.actor())) {
                throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in the session.");
            }
        } catch (Refusal.RefusedException e) {
            return Outcome.refused(e.refusal);
        }
        Delivery relayed = new Delivery(new Event.SignalRelayed(c.actor(), c.payloadJson()), List.of(c.to()));
        return new Outcome(Optional.empty(), List.of(relayed), List.of(), Optional.empty());
    }
}
