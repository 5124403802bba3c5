package org.circle.account.entity;

/** A facilitator logged out: whatever that login let them control live must end with it. */
public record SignedOut(String facilitatorId) { }
