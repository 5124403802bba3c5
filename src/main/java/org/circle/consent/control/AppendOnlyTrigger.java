package org.circle.consent.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of the append-only guard: any UPDATE or DELETE of a consent record fails. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("consent records are append-only", "45000");
    }
}
