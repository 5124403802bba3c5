package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** What an operator sees when the database is wrong at start, or goes away later. */
class DatabaseFailureIT {

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine() throws Exception {
        try (CircleProcess circle = new CircleProcess("bad-database-url", Map.of(
                "CIRCLE_DB_URL", "jdbc:mysql://127.0.0.1:1/circle", "CIRCLE_DB_USER", "root"))) {
            int exit = circle.startExpectingExit(Duration.ofSeconds(90));
            assertNotEquals(0, exit);
            long lines = circle.log().lines().filter(l -> l.startsWith("Circle cannot start: its database does not answer")).count();
            assertEquals(1, lines, circle.log());
        }
    }

    @Test
    void aMigrationAccountThatIsCirclesOwnStopsTheStart() throws Exception {
        try (TestDatabase database = new TestDatabase();
             CircleProcess circle = new CircleProcess("same-migration-account", Map.of(
                     "CIRCLE_DB_URL", database.url(), "CIRCLE_DB_USER", "root", "CIRCLE_DB_MIGRATION_USER", "root"))) {
            assertNotEquals(0, circle.startExpectingExit(Duration.ofSeconds(90)));
            assertTrue(circle.log().contains("Circle cannot start: the database migration failed "
                    + "(CIRCLE_DB_MIGRATION_USER must name another account than CIRCLE_DB_USER)."), circle.log());
        }
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        try (TestDatabase database = new TestDatabase();
             CircleProcess circle = new CircleProcess("readiness", database.env())) {
            circle.start();
            Http http = new Http(circle.baseUrl());
            assertEquals(200, http.get("/health/ready").status());
            assertEquals(200, http.get("/api/health/ready").status());

            database.drop();

            var mp = http.get("/health/ready");
            assertEquals(503, mp.status(), mp.toString());
            assertTrue(mp.body().contains("DOWN"));
            assertEquals(503, http.get("/api/health/ready").status());
        }
    }
}
