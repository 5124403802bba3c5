package org.circle.session;

import java.util.Optional;

/** How a session's media travels: browser to browser (mesh) or through a media server (SFU). */
public enum MediaKind {
    MESH, SFU;

    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Optional<MediaKind> fromWire(String s) {
        for (MediaKind k : values()) if (k.wire().equals(s)) return Optional.of(k);
        return Optional.empty();
    }
}
