package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircleConfigSourceTest {

    @Test
    void withoutADatabaseUrlCircleUsesH2UnderTheDataDirectory() {
        var source = new CircleConfigSource(Map.of("CIRCLE_DATA_DIR", "/var/lib/circle"));
        assertEquals("jdbc:h2:file:/var/lib/circle/circle" + CircleConfigSource.H2_OPTIONS, source.getValue("circle.db.url"));
        var defaults = new CircleConfigSource(Map.of());
        String expected = Path.of("data").toAbsolutePath().resolve("circle").toString();
        assertTrue(defaults.getValue("circle.db.url").startsWith("jdbc:h2:file:" + expected), defaults.getValue("circle.db.url"));
    }

    @Test
    void aDatabaseUrlBringsItsCredentials() {
        var source = new CircleConfigSource(Map.of("CIRCLE_DB_URL", "jdbc:mysql://db/circle", "CIRCLE_DB_USER", "circle", "CIRCLE_DB_PASSWORD", "s3cret"));
        assertEquals("jdbc:mysql://db/circle", source.getValue("circle.db.url"));
        assertEquals("circle", source.getValue("circle.db.user"));
        assertEquals("s3cret", source.getValue("circle.db.password"));
        assertEquals("", new CircleConfigSource(Map.of("CIRCLE_DB_URL", "jdbc:mysql://db/c")).getValue("circle.db.password"));
    }

    @Test
    void theUrlChoosesTheDriver() {
        assertEquals("com.mysql.cj.jdbc.MysqlDataSource", RoutedDataSource.vendorClassFor("jdbc:mysql://x/y"));
        assertEquals("com.mysql.cj.jdbc.MysqlDataSource", RoutedDataSource.vendorClassFor("jdbc:mariadb://x/y"));
        assertEquals("org.h2.jdbcx.JdbcDataSource", RoutedDataSource.vendorClassFor("jdbc:h2:file:/x"));
        assertThrows(IllegalArgumentException.class, () -> RoutedDataSource.vendorClassFor("jdbc:postgresql://x/y"));
        assertThrows(IllegalArgumentException.class, () -> RoutedDataSource.vendorClassFor(" "));
    }

    @Test
    void theDriverKeepsSessionStateItselfUnlessTheUrlSaysOtherwise() {
        assertEquals("jdbc:mysql://x/y?useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=64",
                RoutedDataSource.mysqlUrl("jdbc:mariadb://x/y"));
        assertEquals("jdbc:mysql://x/y?sslMode=REQUIRED&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=64",
                RoutedDataSource.mysqlUrl("jdbc:mysql://x/y?sslMode=REQUIRED"));
        assertEquals("jdbc:mysql://x/y?uselocalsessionstate=false&cachePrepStmts=false&prepStmtCacheSize=64",
                RoutedDataSource.mysqlUrl("jdbc:mysql://x/y?uselocalsessionstate=false&cachePrepStmts=false"));
        assertEquals("jdbc:mysql://x/y?xuseLocalSessionState=1&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=64",
                RoutedDataSource.mysqlUrl("jdbc:mysql://x/y?xuseLocalSessionState=1"));
    }
}
