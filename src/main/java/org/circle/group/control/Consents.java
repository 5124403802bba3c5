package org.circle.group.control;

/**
 * What a group needs to know of its members' consent: whether it is complete. Consent
 * (ConsentLedger) answers; the group asks through this port so that it never reaches up into
 * the consent capability, which stands on the group.
 */
public interface Consents {
    boolean isComplete(String groupId, String memberId);
}
