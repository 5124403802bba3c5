package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.care.control.CheckIns;
import org.circle.group.control.GroupSafety;
import org.circle.platform.Jsons;
import org.circle.session.WatchKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@link RoomCare} of each scheduled session: its group's settings, the server's configuration, its check-ins. */
@ApplicationScoped
public class RoomCares {

    private static final Logger LOG = Logger.getLogger(RoomCares.class.getName());
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(120);

    @Inject
    GroupSafety groups;

    @Inject
    CheckIns checkIns;

    /** How long an admitted participant may be gone before facilitators are asked to follow up (v1.1: 60 s). */
    @Inject
    @ConfigProperty(name = "CIRCLE_DROP_FOLLOW_UP_SECONDS", defaultValue = "60")
    int dropFollowUpSeconds;

    RoomCare of(String sessionId, String groupId) {
        return new RoomCare() {
            @Override public Duration length(WatchKind kind) {
                return kind == WatchKind.DROP_FOLLOW_UP ? Duration.ofSeconds(Math.max(1, dropFollowUpSeconds)) : grace(groupId);
            }

            @Override public JsonObject checkIn(String memberId) { return RoomCares.this.checkIn(sessionId, memberId); }
        };
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

    private JsonObject checkIn(String sessionId, String memberId) {
        if (memberId == null) return null;
        try {
            var sealed = checkIns.of(sessionId, memberId);
            if (sealed.isEmpty()) return null;
            CheckIns.Details d = checkIns.open(sealed.get());
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("privateSpace", d.privateSpace()).add("at", d.at().toString());
            if (!d.readable()) return b.add("readable", false).build();
            b.add("location", d.location()).add("phone", d.phone());
            if (d.emergencyContact() != null) b.add("emergencyContact", d.emergencyContact());
            return b.build();
        } catch (RuntimeException e) {
            // The follow-up matters more than its details: it goes out without them.
            LOG.log(Level.WARNING, "could not read the check-in of a dropped participant in session " + sessionId, e);
            return null;
        }
    }
}
