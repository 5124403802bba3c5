package db.migration.common;

import java.sql.Connection;
import java.sql.Statement;
import org.circle.consent.control.AppendOnlyGuard;
import org.circle.consent.control.ChainRecords;
import org.circle.consent.control.ConsentChain;
import org.circle.consent.control.ConsentChain.Link;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 17: each consent record carries the hash of the group's record before it, and each group
 * a head (how many records, the last hash), so that a record rewritten, removed or forged below
 * Circle is found. The existing records are chained here, once, in the order the ledger wrote
 * them (seq), rather than at every start: only the migration account may lift the append-only
 * triggers to fill the new columns, and Flyway records that it was done, so a start never has to
 * guess which rows were chained by whom. The unique index on (group_id, prev_hash) makes a fork
 * (two records after the same one) impossible in the database itself.
 */
public class V37__ConsentRecordsAreChained extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement sql = c.createStatement()) {
            sql.execute("ALTER TABLE consent_record ADD COLUMN prev_hash CHAR(64)");
            sql.execute("ALTER TABLE consent_record ADD COLUMN record_hash CHAR(64)");
            sql.execute("CREATE TABLE consent_chain ("
                    + " group_id  VARCHAR(32) NOT NULL PRIMARY KEY,"
                    + " records   BIGINT      NOT NULL,"
                    + " last_seq  BIGINT      NOT NULL,"
                    + " last_hash CHAR(64)    NOT NULL,"
                    + " CONSTRAINT fk_chain_group FOREIGN KEY (group_id) REFERENCES circle_group (id))");
            AppendOnlyGuard.remove(c);
            try (var update = c.prepareStatement("UPDATE consent_record SET prev_hash = ?, record_hash = ? WHERE id = ?");
                 var head = c.prepareStatement("INSERT INTO consent_chain (group_id, records, last_seq, last_hash) VALUES (?, ?, ?, ?)")) {
                for (String group : ChainRecords.groups(c)) {
                    String previous = ConsentChain.GENESIS;
                    var links = ChainRecords.links(c, group);
                    for (Link link : links) {
                        String hash = ConsentChain.hash(link, previous);
                        update.setString(1, previous);
                        update.setString(2, hash);
                        update.setString(3, link.id());
                        update.executeUpdate();
                        previous = hash;
                    }
                    head.setString(1, group);
                    head.setLong(2, links.size());
                    head.setLong(3, links.get(links.size() - 1).seq());
                    head.setString(4, previous);
                    head.executeUpdate();
                }
            }
            AppendOnlyGuard.install(c);
            for (String column : new String[] {"prev_hash", "record_hash"}) {
                sql.execute(h2 ? "ALTER TABLE consent_record ALTER COLUMN " + column + " SET NOT NULL"
                               : "ALTER TABLE consent_record MODIFY " + column + " CHAR(64) NOT NULL");
            }
            sql.execute("CREATE UNIQUE INDEX uq_record_chain ON consent_record (group_id, prev_hash)");
        }
    }
}
