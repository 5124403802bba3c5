package org.circle.signaling.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circle.session.AttendanceRow;
import org.circle.session.Effect;
import org.circle.session.SavedSession;

/**
 * Where live sessions keep what must outlive the process: the database today, the data grid
 * when Circle runs as a cluster (contract section 3). A room hands it each accepted command's
 * durable facts before anyone hears of the command; when they cannot be written the command
 * did not happen.
 */
public interface RoomStore {

    /** What a room is, for the store: the core's saved form and the resume tokens it has issued (hash → participant). */
    record StoredRoom(SavedSession session, Map<String, String> resumeTokens) implements Serializable {
        public StoredRoom {
            resumeTokens = Map.copyOf(resumeTokens);
        }
    }

    /**
     * One command's durable facts: the room as it now is, members removed by it, the attendance
     * stints it changed, and the schedule's state and lock when they changed (else null).
     */
    record Commit(StoredRoom room, List<String> removedMembers, List<AttendanceRow> attendance, Effect.StateChanged state) { }

    /** A saved room, and when the server that ran it was last known to be up. */
    record Saved(StoredRoom room, Instant lastAlive) { }

    /** Writes all of a commit or none of it; throws when it could not. */
    void commit(String sessionId, Commit commit);

    Optional<Saved> load(String sessionId);

    /** The sessions whose saved rooms have not ended: the rooms to reopen when the server starts. */
    List<String> unfinished();

    /** These sessions' server is up now (a heartbeat): a restart knows when their people were last there. */
    void alive(Collection<String> sessionIds, Instant at);
}
