package org.circle.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.annotation.PostConstruct;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Circle's one database. At start it applies the Flyway migrations (one schema for MySQL and H2)
 * and refuses to run on a schema it cannot migrate. (An unreachable database is caught even
 * earlier, by {@link RoutedDataSource}, because the JPA deployer connects first.)
 */
@DataSourceDefinition(
        name = Database.JNDI,
        className = "org.circle.platform.RoutedDataSource",
        // User and password are read by RoutedDataSource itself: MicroProfile Config treats an
        // empty value (MariaDB's test root) as missing and would leave the placeholder in place.
        url = "${MPCONFIG=circle.db.url}",
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
public class Database {

    public static final String JNDI = "java:app/jdbc/circle";
    /** Held for the health check, which Payara runs outside the application's naming context. */
    private static volatile DataSource current;

    @Resource(lookup = JNDI)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/{vendor}")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            current = dataSource;
        } catch (RuntimeException e) {
            StartFailure.stop("the database migration failed", e);
        }
    }

    /** True when a query reaches Circle's schema. */
    public static boolean answers() {
        DataSource source = current;
        if (source == null) return false;
        try (Connection c = source.getConnection();
             var statement = c.createStatement()) {
            statement.setQueryTimeout(2);
            statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").close();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

}
