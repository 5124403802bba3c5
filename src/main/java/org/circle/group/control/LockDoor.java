package org.circle.group.control;

/**
 * The locked door of a running session, as the ticket desk sees it: whether a facilitator let a
 * member in past the lock, and telling the facilitators that a member knocked. The live session
 * answers; the group asks through this port so that it never reaches up into signaling.
 */
public interface LockDoor {

    /** Whether a facilitator let this member in past the lock of the session (until they come in). */
    boolean letIn(String sessionId, String memberId);

    /** The lock turned this member away: the session's facilitators hear of it, soon, outside the caller's transaction. */
    void knocked(String sessionId, String memberId, String memberName);
}
