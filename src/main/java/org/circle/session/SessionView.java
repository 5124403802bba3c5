package org.circle.session;

/** A read-only look at the session, for the welcome frame. */
public record SessionView(String id, String title, String state, Mode mode, boolean locked, Media media) { }
