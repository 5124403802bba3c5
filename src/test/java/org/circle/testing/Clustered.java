package org.circle.testing;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.circle.cluster.DataGridHealth;

/**
 * Circle instances of one cluster on loopback, as the cluster tests start them: each is given
 * every member's data-grid address and its own port, the same data key (entries in the grid are
 * sealed with it) and the same database. Their readiness report says what the grid holds.
 */
public final class Clustered {

    /** The same data key on every instance. */
    public static final String DATA_KEY = Base64.getEncoder().encodeToString("circle-shared-session-it-key-32b".getBytes());

    /** A bound on waiting, never an assertion on speed: a shared two-core machine can be slow. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private Clustered() {}

    /** CIRCLE_CLUSTER_MEMBERS for members on these loopback grid ports. */
    public static String members(int... gridPorts) {
        return Arrays.stream(gridPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** One instance of the cluster {@code members}, on {@code gridPort}, not started yet. */
    public static CircleProcess instance(String name, TestDatabase db, String members, int gridPort) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        env.put("CIRCLE_DATA_KEY", DATA_KEY);
        env.put("CIRCLE_CLUSTER_MEMBERS", members);
        env.put("CIRCLE_CLUSTER_PORT", String.valueOf(gridPort));
        return new CircleProcess(name, env);
    }

    /** Polls the readiness report until the data grid shows {@code expected} members; returns what it last saw. */
    public static int awaitMembers(CircleProcess server, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            seen = Integer.parseInt(dataGrid(server).getString("members"));
            if (seen == expected) return seen;
            Thread.sleep(200);
        }
        return seen;
    }

    /** The data-grid check of the instance's readiness report. */
    public static JsonObject dataGrid(CircleProcess server) {
        JsonObject ready = new Http(server.baseUrl()).get("/health/ready").json();
        return ready.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals(DataGridHealth.NAME)).findFirst()
                .orElseThrow(() -> new AssertionError("no data-grid check: " + ready)).getJsonObject("data");
    }

    /** How many live sessions' entries the instance owns in the grid. */
    public static long sessionsOwned(CircleProcess server) {
        return Long.parseLong(dataGrid(server).getString("sessions-owned"));
    }
}
