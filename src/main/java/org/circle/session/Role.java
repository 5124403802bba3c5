package org.circle.session;

public enum Role {
    FACILITATOR, PARTICIPANT;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }
}
