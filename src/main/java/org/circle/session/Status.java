package org.circle.session;

public enum Status {
    WAITING, ADMITTED, DENIED, REMOVED, LEFT;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Still part of the session: may hold a socket and receive frames. */
    public boolean present() { return this == WAITING || this == ADMITTED; }
}
