package org.circle.bench;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.circle.cluster.DataGridHealth;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Http;
import org.circle.testing.TestDatabase;

/**
 * Several Circle instances on this machine forming one data grid, as a clinic behind a load
 * balancer would run them (and as SharedSessionIT starts them): one MariaDB database, one data
 * key (the grid's entries are sealed with it), every member's grid address on 127.0.0.1.
 */
final class CircleCluster implements AutoCloseable {

    /** The same 32-byte key on every instance; a benchmark's own, never a real one. */
    private static final String DATA_KEY = Base64.getEncoder()
            .encodeToString("circle-load-bench-data-key-32byt".getBytes(StandardCharsets.US_ASCII));
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private final List<CircleProcess> instances = new ArrayList<>();

    CircleCluster(int count, TestDatabase database, List<String> jvm, String cpus) {
        List<Integer> gridPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) gridPorts.add(CircleProcess.freePort());
        String members = String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int i = 0; i < count; i++) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
            env.put("CIRCLE_DATA_KEY", DATA_KEY);
            env.put("CIRCLE_CLUSTER_MEMBERS", members);
            env.put("CIRCLE_CLUSTER_PORT", String.valueOf(gridPorts.get(i)));
            instances.add(new CircleProcess("load-" + (char) ('a' + i), env).withJvm(jvm).onCpus(cpus));
        }
    }

    /** The first alone (it makes the schema), then the others together; returns once the grid has them all. */
    CircleCluster start() throws InterruptedException {
        instances.get(0).start();
        CompletableFuture.allOf(instances.subList(1, instances.size()).stream()
                .map(i -> CompletableFuture.runAsync(i::start)).toArray(CompletableFuture[]::new)).join();
        for (CircleProcess instance : instances) awaitMembers(instance);
        return this;
    }

    List<CircleProcess> instances() { return instances; }

    private void awaitMembers(CircleProcess instance) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String seen = "?";
        while (Instant.now().isBefore(deadline)) {
            seen = dataGrid(instance).getString("members", "?");
            if (seen.equals(String.valueOf(instances.size()))) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException(instance.baseUrl() + " sees " + seen + " data-grid members, not " + instances.size());
    }

    private static JsonObject dataGrid(CircleProcess server) {
        JsonObject ready = new Http(server.baseUrl()).get("/health/ready").json();
        return ready.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals(DataGridHealth.NAME)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no data-grid check: " + ready)).getJsonObject("data");
    }

    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) instances.get(i).close();
    }
}
