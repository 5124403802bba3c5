package org.circle.consent.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.circle.consent.control.ConsentChain.Head;
import org.circle.consent.control.ConsentChain.Link;
import org.circle.consent.control.ConsentChain.Verdict;

/**
 * Reads the chains in plain JDBC, the same way for the V37 migration, the start check and the
 * verification endpoint: through JPA the start check (which runs as the migration account) and
 * the migration could not read at all, and one reader means one idea of what a record's fields are.
 */
public final class ChainRecords {

    private static final String COLUMNS = "id, group_id, member_id, document_id, kind, version, sha256, decision, decided_at, seq, user_agent, prev_hash, record_hash";

    private ChainRecords() { }

    /** The group's records in chain order: by seq, which the ledger makes increase under the group's lock. */
    public static List<Link> links(Connection c, String groupId) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (var q = c.prepareStatement("SELECT " + COLUMNS + " FROM consent_record WHERE group_id = ? ORDER BY seq, id")) {
            q.setString(1, groupId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDateTime.class), rs.getLong(10),
                            rs.getString(11), rs.getString(12), rs.getString(13)));
                }
            }
        }
        return links;
    }

    /** The group's head, or null when the ledger never wrote one. */
    public static Head head(Connection c, String groupId) throws SQLException {
        try (var q = c.prepareStatement("SELECT records, last_hash FROM consent_chain WHERE group_id = ?")) {
            q.setString(1, groupId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    public static Verdict verify(Connection c, String groupId) throws SQLException {
        return ConsentChain.verify(links(c, groupId), head(c, groupId));
    }

    /** Every group that has records or a head: a group whose records were all removed still has its head. */
    public static Set<String> groups(Connection c) throws SQLException {
        Set<String> groups = new TreeSet<>();
        try (var sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT DISTINCT group_id FROM consent_record UNION SELECT group_id FROM consent_chain")) {
            while (rs.next()) groups.add(rs.getString(1));
        }
        return groups;
    }
}
