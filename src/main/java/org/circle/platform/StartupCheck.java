package org.circle.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something that must hold in the database before Circle calls itself ready. {@link Database}
 * runs every one after migrating, as the account that owns the schema (the only one that can see
 * its triggers); a problem keeps readiness DOWN with the check's message until a restart finds it
 * fixed. Circle still serves, so that facilitators can export and verify what is left.
 */
public interface StartupCheck {

    /** The name readiness reports the check under. */
    String name();

    /** Null when everything holds, otherwise one line for the operator, with ids only. */
    String problem(Connection owner) throws SQLException;
}
