package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppAccountGrantsTest {

    @Test
    void theRecordsGetInsertAndSelectOnlyAndTheRestGetRows() {
        assertEquals("SELECT, INSERT", AppAccountGrants.privilegesOn("consent_record"));
        assertEquals("SELECT", AppAccountGrants.privilegesOn("flyway_schema_history"));
        assertEquals("SELECT, INSERT, UPDATE, DELETE", AppAccountGrants.privilegesOn("consent_chain"));
        assertEquals("SELECT, INSERT, UPDATE, DELETE", AppAccountGrants.privilegesOn("group_member"));
    }

    @Test
    void databaseAndServerWideGrantsAreTooWide() {
        assertTrue(AppAccountGrants.tooWide("GRANT ALL PRIVILEGES ON `circle`.* TO `circle`@`%`"));
        assertTrue(AppAccountGrants.tooWide("GRANT SELECT, INSERT, UPDATE, DELETE ON `circle`.* TO 'circle'@'%'"));
        assertTrue(AppAccountGrants.tooWide("GRANT SUPER ON *.* TO 'circle'@'%'"));
        assertFalse(AppAccountGrants.tooWide("GRANT USAGE ON *.* TO `circle`@`%` IDENTIFIED BY PASSWORD '*AB'"));
        assertFalse(AppAccountGrants.tooWide("GRANT SELECT, INSERT ON `circle`.`consent_record` TO `circle`@`%`"));
    }

    @Test
    void theCurrentUserIsQuotedForAGrant() {
        assertEquals("'circle'@'%'", AppAccountGrants.quoted("circle@%"));
        assertEquals("'o''brien'@'10.0.0.%'", AppAccountGrants.quoted("o'brien@10.0.0.%"));
    }

    @Test
    void theMigrationAccountIsReadOnlyWhenSet() {
        var none = new CircleConfigSource(Map.of("CIRCLE_DB_URL", "jdbc:mysql://db/c", "CIRCLE_DB_USER", "circle"));
        assertFalse(none.getPropertyNames().contains("circle.db.migration.user"));
        var set = new CircleConfigSource(Map.of("CIRCLE_DB_URL", "jdbc:mysql://db/c", "CIRCLE_DB_USER", "circle",
                "CIRCLE_DB_MIGRATION_USER", " circle_migrate ", "CIRCLE_DB_MIGRATION_PASSWORD", "s3cret"));
        assertEquals("circle_migrate", set.getValue("circle.db.migration.user"));
        assertEquals("s3cret", set.getValue("circle.db.migration.password"));
    }
}
