package org.circle.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * After each migration, the migration account grants Circle's own account what it needs on every
 * table, and no more: rows on the ordinary tables, only INSERT and SELECT on the consent records
 * (no UPDATE or DELETE, and no DROP, so no TRUNCATE; no TRIGGER or ALTER, so the append-only
 * triggers stay), only SELECT on Flyway's history. Done by Circle rather than by hand because a
 * migration that adds a table would otherwise leave Circle unable to use it until someone
 * remembered the GRANT. MySQL and MariaDB only; docs/operations.md lists the statements.
 */
final class AppAccountGrants {

    private static final Logger LOG = Logger.getLogger(AppAccountGrants.class.getName());
    static final String ROWS = "SELECT, INSERT, UPDATE, DELETE";
    static final Map<String, String> NARROWER = Map.of(
            "consent_record", "SELECT, INSERT",
            "flyway_schema_history", "SELECT");

    /** MySQL's and MariaDB's ER_NONEXISTING_GRANT: there was no starter grant to take back. */
    private static final int NO_SUCH_GRANT = 1141;

    private AppAccountGrants() { }

    static String privilegesOn(String table) { return NARROWER.getOrDefault(table.toLowerCase(), ROWS); }

    static void apply(DataSource owner, DataSource app) throws SQLException {
        String grantee;
        try (Connection c = app.getConnection(); var sql = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (!product.contains("mysql") && !product.contains("mariadb")) return; // H2: one embedded account
            var rs = sql.executeQuery("SELECT CURRENT_USER()");
            rs.next();
            grantee = quoted(rs.getString(1));
        }
        try (Connection c = owner.getConnection(); var sql = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            var rs = sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'");
            while (rs.next()) tables.add(rs.getString(1));
            try {
                for (String table : tables) {
                    sql.execute("GRANT " + privilegesOn(table) + " ON `" + table + "` TO " + grantee);
                }
            } catch (SQLException e) {
                // A migration account without GRANT OPTION: the operator grants by hand instead.
                LOG.warning("The migration account could not grant Circle's own account its privileges ("
                        + StartFailure.rootMessage(e) + "); grant them by hand, see docs/operations.md, \"Database accounts\".");
                return;
            }
            // The starter grant (database-wide rows, without which the account cannot even connect
            // before the first migration) would otherwise leave UPDATE and DELETE on the records.
            var db = sql.executeQuery("SELECT DATABASE()");
            db.next();
            try {
                sql.execute("REVOKE " + ROWS + " ON `" + db.getString(1) + "`.* FROM " + grantee);
            } catch (SQLException e) {
                if (e.getErrorCode() != NO_SUCH_GRANT) throw e;
            }
        }
        try (Connection c = app.getConnection(); var sql = c.createStatement(); var grants = sql.executeQuery("SHOW GRANTS")) {
            while (grants.next()) {
                String line = grants.getString(1);
                if (tooWide(line)) {
                    LOG.warning("Circle's own database account holds more than it needs (" + line.replaceAll(" IDENTIFIED BY .*", "")
                            + "): it may be able to undo append-only. Revoke it; see docs/operations.md, \"Database accounts\".");
                }
            }
        }
    }

    /** A database- or server-wide grant of anything but USAGE. */
    static boolean tooWide(String grantLine) {
        var m = java.util.regex.Pattern.compile("^GRANT (.+?) ON (\\S+) TO ").matcher(grantLine);
        return m.find() && m.group(2).endsWith(".*") && !m.group(1).trim().equalsIgnoreCase("USAGE");
    }

    /** {@code circle@%} as {@code 'circle'@'%'}. */
    static String quoted(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return "'" + currentUser.substring(0, at).replace("'", "''") + "'@'" + currentUser.substring(at + 1).replace("'", "''") + "'";
    }
}
