package org.circle.consent.entity;

import java.util.Optional;

/** What a member decided about one version of one agreement, spelled on the wire and in the record as lower case. */
public enum ConsentDecision {
    GRANTED, DECLINED, WITHDRAWN;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Optional<ConsentDecision> fromWire(String s) {
        for (ConsentDecision d : values()) if (d.wire().equals(s)) return Optional.of(d);
        return Optional.empty();
    }
}
