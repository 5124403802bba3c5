package org.circle.consent.entity;

/** Fired inside the transaction that records a decision or publishes a document; memberId null means everyone in the group. */
public record ConsentChanged(String groupId, String memberId) { }
