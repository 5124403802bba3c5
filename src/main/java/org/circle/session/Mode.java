package org.circle.session;

import java.util.Optional;

/** Open: anyone may unmute. Moderated: only facilitators and whoever holds the floor. */
public enum Mode {
    OPEN, MODERATED;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Optional<Mode> fromWire(String s) {
        for (Mode m : values()) if (m.wire().equals(s)) return Optional.of(m);
        return Optional.empty();
    }
}
