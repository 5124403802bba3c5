package org.circle.signaling.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * At start, after the database is migrated: the sessions the last process left running are
 * reopened, so a removal, the lock and the turns hold before anyone comes back, and whoever
 * does not come back is recorded as gone when the grace period ends.
 */
@Singleton
@Startup
@DependsOn("Database")
public class RoomRecovery {

    @Inject
    Rooms rooms;

    @PostConstruct
    void reopen() {
        rooms.recoverAll();
    }
}
