package org.circle.care.entity;

import java.util.Arrays;
import java.util.Optional;

/** Whether a group's members check in before a session: required (the admission gate), optional, or not asked. */
public enum CheckInMode {
    REQUIRED("required"), OPTIONAL("optional"), OFF("off");

    private final String wire;

    CheckInMode(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public static Optional<CheckInMode> fromWire(String text) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(text)).findFirst();
    }
}
