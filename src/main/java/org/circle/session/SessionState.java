package org.circle.session;

import java.util.Optional;

/**
 * A session's state as the schedule shows it: scheduled until someone first comes, open once the
 * room exists, live once a facilitator is in, ended for good. The core moves it from open on.
 */
public enum SessionState {
    SCHEDULED, OPEN, LIVE, ENDED,
    /** Called off by a facilitator before anyone came: nobody may join it (an extension of v1). */
    CANCELLED;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Optional<SessionState> fromWire(String s) {
        for (SessionState v : values()) if (v.wire().equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
