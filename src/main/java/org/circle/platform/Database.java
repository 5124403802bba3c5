package org.circle.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * Circle's one database. At start it applies the Flyway migrations (one schema for MySQL and H2)
 * and refuses to run on a schema it cannot migrate. (An unreachable database is caught even
 * earlier, by {@link RoutedDataSource}, because the JPA deployer connects first.)
 *
 * <p>With CIRCLE_DB_MIGRATION_USER set, the migrations (and the {@link StartupCheck}s) run as that
 * account, which owns the schema, and the pooled data source below keeps Circle's own account,
 * which must not be able to change the schema: an account that can drop a trigger can undo
 * append-only. Without it, Circle migrates as its own account, as on the embedded default.
 */
@DataSourceDefinition(
        name = Database.JNDI,
        className = "org.circle.platform.RoutedDataSource",
        // User and password are read by RoutedDataSource itself: MicroProfile Config treats an
        // empty value (MariaDB's test root) as missing and would leave the placeholder in place.
        url = "${MPCONFIG=circle.db.url}",
        minPoolSize = 1,
        maxPoolSize = 32,
        // A pooled connection is checked with the driver's own ping (Connection.isValid) before it
        // is handed out, so that one the database has closed is never used (LostConnectionsIT). The
        // auto-commit check it replaces sent SET statements for every transaction; the ping is one
        // round trip with no statement for the server to parse.
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Database {

    public static final String JNDI = "java:app/jdbc/circle";
    /** Held for the health check, which Payara runs outside the application's naming context. */
    private static volatile DataSource current;

    @Resource(lookup = JNDI)
    DataSource dataSource;

    @Inject
    @Any
    Instance<StartupCheck> checks;

    void migrate(@Observes @Priority(StartOrder.DATABASE) @Initialized(ApplicationScoped.class) Object started) {
        DataSource owner = null;
        try {
            owner = owner();
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(owner)
                    .locations("classpath:db/migration/common", "classpath:db/migration/{vendor}")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            if (owner != dataSource) AppAccountGrants.apply(owner, dataSource);
        } catch (RuntimeException | SQLException e) {
            StartFailure.stop("the database migration failed", e);
        }
        check(owner);
        current = dataSource;
    }

    /** The migration account's own unpooled source, or the application's when none is set. */
    private DataSource owner() {
        Config config = ConfigProvider.getConfig(Database.class.getClassLoader());
        String user = config.getOptionalValue("circle.db.migration.user", String.class).orElse(null);
        String password = config.getOptionalValue("circle.db.migration.password", String.class).orElse("");
        if (user == null) {
            if (!password.isEmpty()) throw new IllegalArgumentException("CIRCLE_DB_MIGRATION_PASSWORD is set without CIRCLE_DB_MIGRATION_USER");
            return dataSource;
        }
        if (user.equals(config.getOptionalValue("circle.db.user", String.class).orElse(""))) {
            throw new IllegalArgumentException("CIRCLE_DB_MIGRATION_USER must name another account than CIRCLE_DB_USER");
        }
        RoutedDataSource source = new RoutedDataSource();
        source.setURL(config.getValue("circle.db.url", String.class));
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private void check(DataSource owner) {
        for (StartupCheck check : checks) {
            try (Connection c = owner.getConnection()) {
                String problem = check.problem(c);
                if (problem != null) Integrity.fail(check.name(), problem);
            } catch (SQLException e) {
                Integrity.fail(check.name(), "the check could not read the database (" + StartFailure.rootMessage(e) + ")");
            }
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
