package org.circle.consent.entity;

import java.util.Map;

/**
 * Fired inside the transaction that records a decision or publishes a document, carrying what it
 * means for each member concerned: whether their consent is complete now. It is computed inside
 * that transaction so that whoever observes it after commit needs no database (an observer that
 * read the database there shared the request's entity managers with the session's writer tasks,
 * and a publish during a live session failed with a 500). {@code effectiveNow} false means the
 * change applies from the next session: sessions already running keep what they started with.
 */
public record ConsentChanged(String groupId, Map<String, Boolean> completeByMember, boolean effectiveNow) { }
