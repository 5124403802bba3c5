package org.circle.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.circle.account.control.Caller;
import org.circle.group.control.Groups;
import org.circle.group.control.Members;
import org.circle.group.control.Sessions;
import org.circle.group.entity.ScheduledSession;
import org.circle.platform.ApiError;

/** The signed-in facilitator's way to a session or group: only one they facilitate exists for them. */
@ApplicationScoped
public class Facilitated {

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Sessions sessions;

    @Inject
    Members members;

    public ScheduledSession session(String sid) {
        ScheduledSession session = sessions.find(sid).orElseThrow(ApiError::notFound);
        groups.require(session.groupId(), caller.id());
        return session;
    }

    public void group(String gid) {
        groups.require(gid, caller.id());
    }

    /** The names the facilitators gave the group's members, by member id. */
    public Map<String, String> memberNames(String groupId) {
        Map<String, String> names = new HashMap<>();
        members.of(groupId).forEach(m -> names.put(m.id(), m.displayName()));
        return names;
    }
}
