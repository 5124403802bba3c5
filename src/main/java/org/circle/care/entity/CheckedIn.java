package org.circle.care.entity;

/**
 * A member checked in for a session; fired inside the check-in's transaction, so that observers
 * listening {@code during = AFTER_SUCCESS} (the live session's edge) see only committed check-ins.
 */
public record CheckedIn(String sessionId, String memberId, boolean privateSpace) { }
