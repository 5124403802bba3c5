package org.circle.group.control;

import org.circle.platform.JsonBody;

/**
 * The care settings a group's page shows and changes (v1.1 section 2: checkIn, crisisText,
 * facilitatorGraceSeconds). The care capability answers; the group asks through this port so that
 * it never reaches up into care, which stands on the group.
 */
public interface GroupSafety {

    record Settings(String checkIn, String crisisText, int facilitatorGraceSeconds) { }

    Settings of(String groupId);

    /** Reads the care fields of a PATCH body (refusing bad ones with BAD_REQUEST) and applies them. */
    Settings change(String groupId, JsonBody body);
}
