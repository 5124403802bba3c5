package db.migration.common;

import org.circle.consent.control.AppendOnlyGuard;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Consent records are append-only, and the database itself must refuse to change them: an
 * application bug, a console session or a compromised account cannot rewrite what a member
 * agreed to. MySQL and MariaDB refuse by SIGNAL in triggers; H2 by a Java trigger class.
 * Written in Java because the trigger syntax differs per database and Flyway would otherwise
 * need the same SQL twice (it tells MySQL and MariaDB apart). The statements live in
 * {@link AppendOnlyGuard}, which V37 and the start check share.
 */
public class V5__ConsentRecordsAreAppendOnly extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyGuard.install(context.getConnection());
    }
}
