package org.circle.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.circle.care.control.GroupCare;
import org.circle.care.entity.CareSettings;
import org.circle.group.control.GroupSafety;
import org.circle.platform.JsonBody;

/** Care's answer to the group's page: its settings, read and changed through PATCH /api/groups/{gid}. */
@ApplicationScoped
public class GroupSafetySettings implements GroupSafety {

    @Inject
    GroupCare care;

    @Override
    public Settings of(String groupId) {
        return view(care.of(groupId));
    }

    @Override
    public Settings change(String groupId, JsonBody body) {
        return view(care.change(groupId, CareRequests.settings(body)));
    }

    private static Settings view(CareSettings s) {
        return new Settings(s.checkIn().wire(), s.crisisText(), s.facilitatorGraceSeconds());
    }
}
