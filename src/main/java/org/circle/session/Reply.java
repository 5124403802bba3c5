package org.circle.session;

import java.util.List;

/** Data for the acknowledgement of a command, where the protocol asks for some. */
public sealed interface Reply {
    /** {@code admit.all}: who is still waiting (their consent or their required check-in is not complete). */
    record LeftWaiting(List<String> participants) implements Reply { }

    /** A join: the participant id the person holds (a returning member keeps their first one). */
    record Joined(String participant, Status status) implements Reply { }

    /** {@code support.request}: the request's id, and how many facilitators were connected to hear it. */
    record SupportDelivered(String id, int delivered) implements Reply { }

    /** A message: its id; for one to the facilitators, how many were connected to read it (else null). */
    record MessageSent(String id, Integer delivered) implements Reply { }
}
