package org.circle.signaling.control;

import org.circle.session.Command;

/** How a socket asks to enter a room: as a person arriving with a ticket, or coming back with a resume token. */
public sealed interface Hello {

    /** A redeemed ticket, as the join the core decides on. */
    record Arrival(Command.Join join) implements Hello { }

    /** A resume token from an earlier welcome of this room. */
    record Return(String resumeToken) implements Hello { }
}
