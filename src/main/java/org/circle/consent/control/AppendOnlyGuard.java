package org.circle.consent.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's own refusal to change a consent record: a BEFORE UPDATE and a BEFORE DELETE
 * trigger on consent_record that fail. MySQL and MariaDB refuse by SIGNAL; H2 by calling
 * {@link AppendOnlyTrigger}. Installed by migration V5 (and again by V37, which must lift them to
 * add the hash chain to existing rows), and looked for at every start.
 */
public final class AppendOnlyGuard {

    static final String MESSAGE = "consent records are append-only";
    private static final String[] EVENTS = {"UPDATE", "DELETE"};

    private AppendOnlyGuard() { }

    public static void install(Connection c) throws SQLException {
        boolean h2 = isH2(c);
        try (var sql = c.createStatement()) {
            for (String event : EVENTS) {
                sql.execute("CREATE TRIGGER " + name(event) + " BEFORE " + event + " ON consent_record FOR EACH ROW "
                        + (h2 ? "CALL \"" + AppendOnlyTrigger.class.getName() + "\""
                              : "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + MESSAGE + "'"));
            }
        }
    }

    public static void remove(Connection c) throws SQLException {
        try (var sql = c.createStatement()) {
            for (String event : EVENTS) sql.execute("DROP TRIGGER IF EXISTS " + name(event));
        }
    }

    /**
     * The events (UPDATE, DELETE) that no trigger refuses. A trigger counts when it fires before
     * the event on consent_record and its body is the refusal: a trigger of the right name that
     * does nothing would otherwise pass. Needs an account that may see the triggers (MySQL shows
     * them only to one with the TRIGGER privilege): the migration account.
     */
    public static List<String> unguarded(Connection c) throws SQLException {
        boolean h2 = isH2(c);
        String body = h2 ? "java_class" : "action_statement";
        String query = "SELECT event_manipulation, " + body + " FROM information_schema.triggers"
                + " WHERE LOWER(event_object_table) = 'consent_record' AND action_timing = 'BEFORE'"
                + (h2 ? "" : " AND event_object_schema = DATABASE()");
        List<String> missing = new ArrayList<>(List.of(EVENTS));
        try (var sql = c.createStatement(); var rs = sql.executeQuery(query)) {
            while (rs.next()) {
                String action = rs.getString(2) == null ? "" : rs.getString(2);
                boolean refuses = h2 ? action.equals(AppendOnlyTrigger.class.getName())
                        : action.replaceAll("\\s+", " ").trim().startsWith("SIGNAL SQLSTATE '45000'");
                if (refuses) missing.remove(rs.getString(1).toUpperCase());
            }
        }
        return missing;
    }

    private static String name(String event) { return "consent_record_no_" + event.toLowerCase(); }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
    }
}
