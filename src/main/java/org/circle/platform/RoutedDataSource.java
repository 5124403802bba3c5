package org.circle.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source Payara pools for Circle. It exists because one {@code @DataSourceDefinition}
 * must serve two databases: the JDBC URL from configuration decides whether the vendor source
 * underneath is MySQL Connector/J or the H2 that Payara Micro ships. Payara sets the properties
 * through the bean setters below and then asks for connections.
 */
public class RoutedDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private DataSource vendor;
    private static volatile boolean everConnected;

    public void setURL(String url) { this.url = url; }
    public void setUrl(String url) { this.url = url; }
    public void setUser(String user) { this.user = user; }
    public void setPassword(String password) { this.password = password; }

    static String vendorClassFor(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("CIRCLE_DB_URL is empty");
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return "com.mysql.cj.jdbc.MysqlDataSource";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new IllegalArgumentException("CIRCLE_DB_URL must start with jdbc:mysql: or jdbc:h2:");
    }

    /**
     * Connector/J's defaults ask the server about session state it could keep itself: with them a
     * live session's one-transaction commit took about 12 statements, 7 of them {@code SET}s
     * (docs/performance.md). Circle never changes session state with SQL, so the driver may
     * track it locally, and keep parsed statements. A setting named in CIRCLE_DB_URL wins.
     */
    static final String MYSQL_DEFAULTS = "useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=64";

    static String mysqlUrl(String url) {
        String mysql = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        StringBuilder out = new StringBuilder(mysql);
        String lower = mysql.toLowerCase(Locale.ROOT);
        for (String setting : MYSQL_DEFAULTS.split("&")) {
            String name = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT);
            if (lower.matches(".*[?&]" + Pattern.quote(name) + "=.*")) continue;
            out.append(out.indexOf("?") < 0 ? '?' : '&').append(setting);
        }
        return out.toString();
    }

    private synchronized DataSource vendor() throws SQLException {
        if (vendor == null) {
            Config config = ConfigProvider.getConfig(RoutedDataSource.class.getClassLoader());
            if (user == null) user = config.getOptionalValue("circle.db.user", String.class).orElse("");
            if (password == null) password = config.getOptionalValue("circle.db.password", String.class).orElse("");
            String vendorUrl = url.startsWith("jdbc:h2:") ? url : mysqlUrl(url);
            try {
                Class<?> type = Class.forName(vendorClassFor(url), true, RoutedDataSource.class.getClassLoader());
                Object source = type.getDeclaredConstructor().newInstance();
                type.getMethod("setURL", String.class).invoke(source, vendorUrl);
                type.getMethod("setUser", String.class).invoke(source, user == null ? "" : user);
                type.getMethod("setPassword", String.class).invoke(source, password == null ? "" : password);
                vendor = (DataSource) source;
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new SQLException("Cannot prepare the data source: " + e.getMessage(), e);
            }
        }
        return vendor;
    }

    @Override public Connection getConnection() throws SQLException { return firstOrFail(() -> vendor().getConnection()); }
    @Override public Connection getConnection(String u, String p) throws SQLException { return firstOrFail(() -> vendor().getConnection(u, p)); }

    private interface Connect { Connection open() throws SQLException; }

    /**
     * The first connection is made while the application deploys. If it fails, the database is
     * unreachable or misconfigured at start: stop with one line rather than run without it.
     * Later failures are outages, reported by the readiness check, and never stop the server.
     */
    private static Connection firstOrFail(Connect connect) throws SQLException {
        try {
            Connection c = connect.open();
            everConnected = true;
            return c;
        } catch (SQLException e) {
            if (!everConnected) {
                StartFailure.stop("its database does not answer; check CIRCLE_DB_URL, CIRCLE_DB_USER and CIRCLE_DB_PASSWORD", e);
            }
            throw e;
        }
    }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return vendor().unwrap(iface);
    }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || vendor().isWrapperFor(iface);
    }
}
