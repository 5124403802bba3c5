package org.circle.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.circle.session.AttendanceRow;
import org.circle.session.Role;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attendance rows a live session's commit writes in plain JDBC, on Circle's real schema (the
 * Flyway migrations on H2 in its MySQL mode, as the embedded default runs): a new stint is added,
 * a known one is rewritten in place, and a batch may hold both. The MariaDB side is proven by
 * AttendanceIT and DurabilityIT through the running server.
 */
class AttendanceRowsTest {

    private static final Instant WAITED = Instant.parse("2026-12-07T18:00:00.123456Z");
    private static final Instant IN = Instant.parse("2026-12-07T18:01:00Z");
    private static final Instant NOW = Instant.parse("2026-12-07T18:30:00.5Z");

    private Connection c;

    @BeforeEach
    void schema() throws SQLException {
        String url = "jdbc:h2:mem:attendance-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        c = DriverManager.getConnection(url, "sa", "");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common").load().migrate();
        c.createStatement().execute("SET REFERENTIAL_INTEGRITY FALSE"); // no group or session rows: only the stints are under test
    }

    @AfterEach
    void close() throws SQLException { c.close(); }

    private static AttendanceRow row(String participant, int stint, String outcome, Instant leftAt, int turns) {
        return new AttendanceRow(participant, stint, "m-" + participant, "Name " + participant, Role.PARTICIPANT,
                WAITED, IN, leftAt, outcome, 30L * turns, turns, 12L * turns);
    }

    private List<String> stints(String session) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT participant_id, stint, outcome, turns, left_at, updated_at "
                + "FROM attendance_stint WHERE session_id = '" + session + "' ORDER BY participant_id, stint")) {
            while (r.next()) out.add(r.getString(1) + "#" + r.getInt(2) + " " + r.getString(3) + " turns=" + r.getInt(4)
                    + " left=" + r.getObject(5, LocalDateTime.class) + " at=" + r.getObject(6, LocalDateTime.class));
        }
        return out;
    }

    @Test
    void aNewStintIsAddedWithEveryField() throws SQLException {
        AttendanceRows.record(c, "s1", List.of(row("p1", 1, "admitted", null, 2)), NOW);
        try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM attendance_stint")) {
            r.next();
            assertEquals("m-p1", r.getString("member_id"));
            assertEquals("Name p1", r.getString("display_name"));
            assertEquals("participant", r.getString("role"));
            assertEquals("2026-12-07T18:00:00.123456", r.getObject("waiting_since", LocalDateTime.class).toString(), "UTC, to the microsecond");
            assertEquals("2026-12-07T18:01", r.getObject("admitted_at", LocalDateTime.class).toString());
            assertNull(r.getObject("left_at", LocalDateTime.class));
            assertEquals("admitted", r.getString("outcome"));
            assertEquals(60, r.getLong("floor_seconds"));
            assertEquals(2, r.getInt("turns"));
            assertEquals(24, r.getLong("speaking_seconds"));
            assertEquals("2026-12-07T18:30:00.500", r.getObject("updated_at", LocalDateTime.class).toString());
            assertEquals(false, r.next());
        }
    }

    @Test
    void aKnownStintIsRewrittenInPlace() throws SQLException {
        AttendanceRows.record(c, "s1", List.of(row("p1", 1, "admitted", null, 1)), IN);
        AttendanceRows.record(c, "s1", List.of(row("p1", 1, "left", NOW, 3)), NOW);
        assertEquals(List.of("p1#1 left turns=3 left=2026-12-07T18:30:00.500 at=2026-12-07T18:30:00.500"), stints("s1"));
    }

    @Test
    void oneBatchAddsNewStintsAndRewritesKnownOnesOfItsOwnSessionOnly() throws SQLException {
        AttendanceRows.record(c, "s1", List.of(row("p1", 1, "waiting", null, 0)), IN);
        AttendanceRows.record(c, "s2", List.of(row("p1", 1, "waiting", null, 0)), IN);
        AttendanceRows.record(c, "s1", List.of(row("p1", 1, "admitted", null, 1), row("p2", 1, "admitted", null, 0),
                row("p1", 2, "waiting", null, 0)), NOW);
        assertEquals(List.of("p1#1 admitted turns=1 left=null at=2026-12-07T18:30:00.500",
                "p1#2 waiting turns=0 left=null at=2026-12-07T18:30:00.500",
                "p2#1 admitted turns=0 left=null at=2026-12-07T18:30:00.500"), stints("s1"));
        assertEquals(List.of("p1#1 waiting turns=0 left=null at=2026-12-07T18:01"), stints("s2"), "another session's stint is untouched");
    }

    @Test
    void nothingToRecordWritesNothing() throws SQLException {
        AttendanceRows.record(c, "s1", List.of(), NOW);
        assertEquals(List.of(), stints("s1"));
    }
}
