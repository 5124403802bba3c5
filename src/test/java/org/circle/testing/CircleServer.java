package org.circle.testing;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one Circle server for the whole integration run, on a fresh MariaDB
 * database that is dropped afterwards. The first facilitator is set up once, with a known
 * setup code, so every test can log in. Tests receive a {@link Circle} parameter.
 */
public final class CircleServer implements ParameterResolver {

    public static final String SETUP_CODE = "IT-SETUP-CODE-7Q";
    public static final String ADMIN_EMAIL = "lead@clinic.test";
    public static final String ADMIN_PASSWORD = "a long enough passphrase";

    /** What a test is handed: the running server, its database, and a signed-in client. */
    public record Circle(CircleProcess process, TestDatabase database, Http http, String adminToken) {
        public Http admin() { return http.as(adminToken); }
    }

    private record Shared(Circle circle) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            circle.process().close();
            circle.database().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Circle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, k -> startShared(), Shared.class).circle();
    }

    /**
     * A server of the test's own, on the embedded database, for settings the shared server must
     * not have (a TURN secret, a public URL behind a proxy). The caller closes its process.
     */
    public static Circle standalone(String name, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("CIRCLE_SETUP_CODE", SETUP_CODE);
        CircleProcess process = new CircleProcess(name, env).start();
        Http http = new Http(process.baseUrl());
        return new Circle(process, null, http, setUp(http));
    }

    /** First-run setup with the known code and admin, then a login; returns the admin's token. */
    public static String setUp(Http http) {
        var setup = http.post("/api/setup", Http.json("setupCode", SETUP_CODE, "email", ADMIN_EMAIL,
                "displayName", "Lead Facilitator", "password", ADMIN_PASSWORD));
        if (setup.status() != 201) throw new IllegalStateException("setup failed: " + setup);
        return http.post("/api/auth/login", Http.json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .json().getString("token");
    }

    private static Shared startShared() {
        TestDatabase database = new TestDatabase();
        Map<String, String> env = new HashMap<>(database.env());
        env.put("CIRCLE_SETUP_CODE", SETUP_CODE);
        env.putAll(extraEnv());
        CircleProcess process = new CircleProcess("shared-mariadb", env);
        process.withEnv("CIRCLE_PUBLIC_URL", process.baseUrl()).start();
        Http http = new Http(process.baseUrl());
        return new Shared(new Circle(process, database, http, setUp(http)));
    }

    /** Settings later capabilities add for the shared server (kept in one place). */
    static Map<String, String> extraEnv() {
        // care: the check-in retention job runs every 2 s, so that CareIT sees an expired row go
        return Map.of("CIRCLE_CHECKIN_SWEEP_SECONDS", "2");
    }
}
