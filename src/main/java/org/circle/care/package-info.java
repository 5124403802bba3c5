/**
 * Care around the session: each group's care settings (whether members check in, the crisis
 * text, how long participants may stay without a facilitator), the safety check-in a member
 * gives before a session (where they are, a call-back number), the check-out after it (four
 * ratings, a comment, a goal for next time) and the goal's review at the next check-in.
 * Decides who may read what: the details only the group's facilitators, a member only their
 * own last goal. What a member types is sealed with AES-GCM before it reaches the database and
 * is never logged; check-ins are deleted after the retention period.
 */
package org.circle.care;
