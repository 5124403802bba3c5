package org.circle.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.circle.testing.CircleProcess;

/**
 * PeerJS server (npm package {@code peer}, from ops/bench/peerjs) started by the benchmark on
 * 127.0.0.1, with clients speaking its own protocol: OPEN on connect, OFFER / ANSWER / CANDIDATE
 * relayed to {@code dst}.
 */
final class PeerJsTarget extends Target {

    private final int port = CircleProcess.freePort();
    private final Process server;

    /** @param cpus the cores node may use ({@code taskset -c}), or empty for any */
    PeerJsTarget(String cpus) throws IOException, InterruptedException {
        Path dir = Path.of("ops/bench/peerjs");
        if (!Files.isDirectory(dir.resolve("node_modules/peer"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).inheritIO().start();
            if (install.waitFor() != 0) throw new IllegalStateException("npm ci in ops/bench/peerjs failed");
        }
        Path log = CircleProcess.outputDir().resolve("peerjs.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus));
        command.addAll(List.of("node", "server.mjs", String.valueOf(port)));
        server = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(log).contains("listening")) {
            if (!server.isAlive() || System.nanoTime() > deadline) throw new IllegalStateException("PeerJS server did not start: " + Files.readString(log));
            Thread.sleep(100);
        }
    }

    @Override String name() { return "PeerJS server " + version(); }
    @Override long serverPid() { return server.pid(); }
    @Override URI address(Peer peer) {
        return URI.create("ws://127.0.0.1:" + port + "/peerjs?key=peerjs&id=p" + peer.index + "&token=t" + peer.index);
    }
    @Override String hello(Peer peer) { return null; }

    @Override
    void received(Peer peer, String frame) {
        if (frame.startsWith("{\"type\":\"OPEN\"")) {
            peer.id = "p" + peer.index;
            peer.ready.complete(peer);
        } else if (frame.contains("\"ERROR\"")) {
            Recorder.current().error();
            peer.ready.completeExceptionally(new IllegalStateException(frame));
        }
    }

    @Override
    String relay(Peer from, Peer to, char kind, String payload) {
        String type = kind == 'o' ? "OFFER" : kind == 'a' ? "ANSWER" : "CANDIDATE";
        return "{\"type\":\"" + type + "\",\"dst\":\"" + to.id + "\",\"payload\":" + payload + "}";
    }

    private static String version() {
        try (var reader = Json.createReader(Files.newBufferedReader(Path.of("ops/bench/peerjs/node_modules/peer/package.json")))) {
            return reader.readObject().getString("version", "");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        super.close();
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
