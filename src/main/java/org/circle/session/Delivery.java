package org.circle.session;

import java.util.List;

/** One event and the people it goes to, resolved against the state after the command. */
public record Delivery(Event event, List<String> recipients) { }
