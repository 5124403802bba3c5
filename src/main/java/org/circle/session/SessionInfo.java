package org.circle.session;

import java.io.Serializable;
import java.time.Instant;

/** What the live session knows of its schedule: fixed for its whole life. */
public record SessionInfo(String id, String title, MediaKind media, int turnSeconds, Instant createdAt) implements Serializable { }
