package org.circle.session;

public enum Media {
    MESH, SFU;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }
}
