package org.circle.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the documented environment variables into the properties Circle reads. The database
 * settings are derived here, not in a properties file, because the embedded default (H2 under
 * CIRCLE_DATA_DIR) is a path that must be made absolute before H2 will accept it.
 */
public class CircleConfigSource implements ConfigSource {

    static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0";

    private final Map<String, String> properties;

    public CircleConfigSource() {
        this(System.getenv());
    }

    CircleConfigSource(Map<String, String> env) {
        Map<String, String> p = new HashMap<>();
        String url = blankToNull(env.get("CIRCLE_DB_URL"));
        if (url == null) {
            String dataDir = blankToNull(env.get("CIRCLE_DATA_DIR"));
            Path dir = Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath().normalize();
            p.put("circle.db.url", "jdbc:h2:file:" + dir.resolve("circle") + H2_OPTIONS);
            p.put("circle.db.user", "circle");
            p.put("circle.db.password", "");
        } else {
            p.put("circle.db.url", url);
            p.put("circle.db.user", nullToEmpty(env.get("CIRCLE_DB_USER")));
            p.put("circle.db.password", nullToEmpty(env.get("CIRCLE_DB_PASSWORD")));
        }
        // Only when set: without a migration account, Circle migrates as its own account (as before).
        String migrationUser = blankToNull(env.get("CIRCLE_DB_MIGRATION_USER"));
        if (migrationUser != null) p.put("circle.db.migration.user", migrationUser);
        if (env.get("CIRCLE_DB_MIGRATION_PASSWORD") != null) p.put("circle.db.migration.password", env.get("CIRCLE_DB_MIGRATION_PASSWORD"));
        properties = Map.copyOf(p);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
    private static String nullToEmpty(String s) { return s == null ? "" : s; }

    @Override public Map<String, String> getProperties() { return properties; }
    @Override public Set<String> getPropertyNames() { return properties.keySet(); }
    @Override public String getValue(String name) { return properties.get(name); }
    @Override public String getName() { return "circle-environment"; }
    @Override public int getOrdinal() { return 250; }
}
