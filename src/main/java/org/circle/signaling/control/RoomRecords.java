package org.circle.signaling.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.circle.attendance.control.AttendanceRows;
import org.circle.platform.Clock;
import org.circle.platform.Database;
import org.circle.platform.UtcInstantConverter;
import org.circle.session.SessionState;
import org.circle.signaling.entity.LiveRoom;

/** The database side of {@link DatabaseRoomStore}: one transaction per commit, so it lands whole or not at all. */
@ApplicationScoped
@Transactional
public class RoomRecords {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Clock clock;

    /**
     * Plain JDBC on the transaction's connection, not the entity manager: this runs for every
     * command that changes a session, and EclipseLink's find-then-merge of each row was most of
     * such a command's cost (docs/performance.md, "The controls' durable write"). Reads stay JPA.
     */
    public void commit(String sessionId, String savedForm, boolean ended, RoomStore.Commit commit) {
        Instant now = clock.now();
        try (Connection c = dataSource.getConnection()) {
            saveRoom(c, sessionId, savedForm, ended, now);
            for (String member : commit.removedMembers()) remove(c, sessionId, member, now);
            AttendanceRows.record(c, sessionId, commit.attendance(), now);
            if (commit.state() != null) markState(c, sessionId, commit.state().state(), commit.state().locked());
        } catch (SQLException e) {
            throw new IllegalStateException("the live state of session " + sessionId + " was not recorded (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Looks before it writes. An UPDATE that matches no row makes MariaDB lock the gap where the row
     * would be, and two sessions saving their first state at once then deadlock on each other's
     * gap (seen in the load benchmark). A plain read locks nothing, and only this room writes its row.
     */
    private static void saveRoom(Connection c, String sessionId, String form, boolean ended, Instant now) throws SQLException {
        String sql = exists(c, "SELECT 1 FROM live_room WHERE session_id = ?", sessionId)
                ? "UPDATE live_room SET saved_form = ?, ended = ?, saved_at = ?, alive_at = ? WHERE session_id = ?"
                : "INSERT INTO live_room (saved_form, ended, saved_at, alive_at, session_id) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            bindRoom(write, sessionId, form, ended, now);
            write.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String query, String... keys) throws SQLException {
        try (PreparedStatement known = c.prepareStatement(query)) {
            for (int i = 0; i < keys.length; i++) known.setString(i + 1, keys[i]);
            try (ResultSet row = known.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void bindRoom(PreparedStatement s, String sessionId, String form, boolean ended, Instant now) throws SQLException {
        s.setString(1, form);
        s.setBoolean(2, ended);
        UtcInstantConverter.bind(s, 3, now);
        UtcInstantConverter.bind(s, 4, now);
        s.setString(5, sessionId);
    }

    /** A removal holds from its first moment: a second removal of the same member keeps the first. */
    private static void remove(Connection c, String sessionId, String member, Instant now) throws SQLException {
        if (exists(c, "SELECT 1 FROM session_removal WHERE session_id = ? AND member_id = ?", sessionId, member)) return;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO session_removal (session_id, member_id, removed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, member);
            UtcInstantConverter.bind(insert, 3, now);
            insert.executeUpdate();
        }
    }

    /** An ended or cancelled session keeps that state; the lock follows the room either way. */
    private static void markState(Connection c, String sessionId, SessionState state, boolean locked) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE scheduled_session SET "
                + "state = CASE WHEN state IN ('ended', 'cancelled') THEN state ELSE ? END, locked = ? WHERE id = ?")) {
            update.setString(1, state.wire());
            update.setBoolean(2, locked);
            update.setString(3, sessionId);
            update.executeUpdate();
        }
    }

    public Optional<LiveRoom> find(String sessionId) {
        return Optional.ofNullable(em.find(LiveRoom.class, sessionId));
    }

    public List<String> unfinished() {
        return em.createNamedQuery("LiveRoom.unfinished", String.class).getResultList();
    }

    public void alive(Collection<String> sessionIds, Instant at) {
        em.createNamedQuery("LiveRoom.alive").setParameter("at", at).setParameter("ids", sessionIds).executeUpdate();
    }

    static boolean ended(RoomStore.Commit commit) {
        return commit.room().session().state() == SessionState.ENDED;
    }
}
