package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.group.control.GroupSafety;

/** The {@link RoomCare} of each scheduled session: its group's settings. */
@ApplicationScoped
public class RoomCares {

    private static final Logger LOG = Logger.getLogger(RoomCares.class.getName());
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(120);

    @Inject
    GroupSafety groups;

    RoomCare of(String sessionId, String groupId) {
        return kind -> grace(groupId);
    }

    private Duration grace(String groupId) {
        try {
            return Duration.ofSeconds(groups.of(groupId).facilitatorGraceSeconds());
        } catch (RuntimeException e) {
            // Better the default than no watch at all: people must not stay unattended.
            LOG.log(Level.WARNING, "could not read the facilitator grace of group " + groupId + "; using the default", e);
            return DEFAULT_GRACE;
        }
    }
}
