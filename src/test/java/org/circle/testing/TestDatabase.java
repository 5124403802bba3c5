package org.circle.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A throwaway MariaDB database on 127.0.0.1:3306, made for one run and dropped after it. */
public final class TestDatabase implements AutoCloseable {

    private static final String SERVER = System.getProperty("circle.test.mariadb", "jdbc:mysql://127.0.0.1:3306/");
    private final String name;

    public TestDatabase() {
        this.name = "circle_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public String name() { return name; }
    public String url() { return SERVER + name; }

    /** The environment that points Circle at this database. */
    public Map<String, String> env() {
        return Map.of("CIRCLE_DB_URL", url(), "CIRCLE_DB_USER", "root", "CIRCLE_DB_PASSWORD", "");
    }

    /** A plain JDBC connection to this database, for tests that must look beneath the API. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    public void drop() { execute("DROP DATABASE IF EXISTS " + name); }

    @Override
    public void close() { drop(); }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB on 127.0.0.1:3306 is needed for the integration tests "
                    + "(ops/test-services.sh starts it): " + e.getMessage(), e);
        }
    }
}
