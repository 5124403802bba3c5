package org.circle.signaling;

/** The restart after kill -9 on the embedded H2 database, Circle's default. */
class DurabilityOnH2IT extends DurabilityIT {

    @Override
    boolean onMariaDb() { return false; }

    /** Not here: the refusing trigger is MariaDB's SQL. (Overridden without @Test, so JUnit skips it.) */
    @Override
    void aWriteTheDatabaseRefusesIsAnErrorToItsSenderAndChangesNothing() { }
}
