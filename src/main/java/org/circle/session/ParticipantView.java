package org.circle.session;

import java.time.Instant;

/** A read-only look at one person, for the edges (the welcome frame, logging by id). */
public record ParticipantView(String id, String memberId, String displayName, Role role, Status status,
                              boolean audio, boolean video, boolean connected, Instant admittedAt) { }
