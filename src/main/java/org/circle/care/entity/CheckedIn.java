package org.circle.care.entity;

/**
 * A member checked in for a session; fired inside the check-in's transaction, so that observers
 * listening {@code during = AFTER_SUCCESS} (the live session's edge) see only committed check-ins.
 * It carries the details in the clear, in memory only, for the session's facilitators (a support
 * request shows where the member is); it is never stored or logged as it is.
 */
public record CheckedIn(String sessionId, String memberId, boolean privateSpace, String location, String phone, String emergencyContact) { }
