package org.circle.session;

/** A read-only look at the live session, for the welcome frame. */
public record LiveSessionView(String id, String title, SessionState state, Mode mode, boolean locked, MediaKind media) { }
