package org.circle.attendance.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.circle.platform.UtcInstantConverter;
import org.circle.session.AttendanceRow;

/**
 * Writes a live session's attendance rows on the connection of the commit they belong to. Plain
 * JDBC, not the entity manager: this runs with every command that changes who is in or who speaks,
 * and EclipseLink's find-then-merge was most of such a command's cost (docs/performance.md).
 * Each row is one stint kept current: an UPDATE by its key, or an INSERT for a stint not yet written.
 */
public final class AttendanceRows {

    private static final String UPDATE = "UPDATE attendance_stint SET member_id = ?, display_name = ?, role = ?, waiting_since = ?, "
            + "admitted_at = ?, left_at = ?, outcome = ?, floor_seconds = ?, turns = ?, speaking_seconds = ?, updated_at = ? "
            + "WHERE session_id = ? AND participant_id = ? AND stint = ?";
    private static final String INSERT = "INSERT INTO attendance_stint (member_id, display_name, role, waiting_since, admitted_at, "
            + "left_at, outcome, floor_seconds, turns, speaking_seconds, updated_at, session_id, participant_id, stint) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AttendanceRows() { }

    /**
     * Joins the caller's transaction; a refusal by the database is thrown, not caught. Which rows
     * exist is read first, with a plain read that locks nothing: an UPDATE that matched no row would
     * lock the gap where it belongs, and two sessions adding stints at once would deadlock there.
     */
    public static void record(Connection c, String sessionId, List<AttendanceRow> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) return;
        Set<String> existing = stints(c, sessionId);
        List<AttendanceRow> updates = new ArrayList<>(), inserts = new ArrayList<>();
        for (AttendanceRow row : rows) (existing.contains(key(row.participant(), row.stint())) ? updates : inserts).add(row);
        write(c, UPDATE, sessionId, updates, now);
        write(c, INSERT, sessionId, inserts, now);
    }

    private static Set<String> stints(Connection c, String sessionId) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement("SELECT participant_id, stint FROM attendance_stint WHERE session_id = ?")) {
            query.setString(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) keys.add(key(row.getString(1), row.getInt(2)));
            }
        }
        return keys;
    }

    private static String key(String participant, int stint) { return participant + '#' + stint; }

    private static void write(Connection c, String sql, String sessionId, List<AttendanceRow> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            if (rows.size() == 1) {
                bind(statement, sessionId, rows.get(0), now);
                statement.executeUpdate();
                return;
            }
            for (AttendanceRow row : rows) {
                bind(statement, sessionId, row, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Both statements take the same parameters in the same order: the row's fields, then its key. */
    private static void bind(PreparedStatement s, String sessionId, AttendanceRow row, Instant now) throws SQLException {
        s.setString(1, row.memberId());
        s.setString(2, row.displayName());
        s.setString(3, row.role().wire());
        UtcInstantConverter.bind(s, 4, row.waitingSince());
        UtcInstantConverter.bind(s, 5, row.admittedAt());
        UtcInstantConverter.bind(s, 6, row.leftAt());
        s.setString(7, row.outcome());
        s.setLong(8, row.floorSeconds());
        s.setInt(9, row.turns());
        s.setLong(10, row.speakingSeconds());
        UtcInstantConverter.bind(s, 11, now);
        s.setString(12, sessionId);
        s.setString(13, row.participant());
        s.setInt(14, row.stint());
    }
}
