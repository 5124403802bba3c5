package org.circle.signaling.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.circle.platform.StartOrder;

/**
 * At start, after the database is migrated: the sessions the last process left running are
 * reopened, so a removal, the lock and the turns hold before anyone comes back, and whoever
 * does not come back is recorded as gone when the grace period ends.
 */
@ApplicationScoped
public class RoomRecovery {

    @Inject
    Rooms rooms;

    void reopen(@Observes @Priority(StartOrder.AFTER_DATABASE) @Initialized(ApplicationScoped.class) Object started) {
        rooms.recoverAll();
    }
}
