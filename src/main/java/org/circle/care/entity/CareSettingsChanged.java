package org.circle.care.entity;

/**
 * A group's care settings changed; fired inside the change's transaction, so that observers
 * listening {@code during = AFTER_SUCCESS} (the live sessions' admission gate) see only committed ones.
 */
public record CareSettingsChanged(String groupId, CheckInMode checkIn) { }
