package db.migration.common;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Consent records are append-only, and the database itself must refuse to change them: an
 * application bug, a console session or a compromised account cannot rewrite what a member
 * agreed to. MySQL and MariaDB refuse by SIGNAL in triggers; H2 by a Java trigger class.
 * Written in Java because the trigger syntax differs per database and Flyway would otherwise
 * need the same SQL twice (it tells MySQL and MariaDB apart).
 */
public class V5__ConsentRecordsAreAppendOnly extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement sql = context.getConnection().createStatement()) {
            if (product.contains("h2")) {
                for (String event : new String[] {"UPDATE", "DELETE"}) {
                    sql.execute("CREATE TRIGGER consent_record_no_" + event.toLowerCase() + " BEFORE " + event
                            + " ON consent_record FOR EACH ROW CALL \"org.circle.consent.control.AppendOnlyTrigger\"");
                }
            } else {
                for (String event : new String[] {"UPDATE", "DELETE"}) {
                    sql.execute("CREATE TRIGGER consent_record_no_" + event.toLowerCase() + " BEFORE " + event
                            + " ON consent_record FOR EACH ROW SIGNAL SQLSTATE '45000' "
                            + "SET MESSAGE_TEXT = 'consent records are append-only'");
                }
            }
        }
    }
}
