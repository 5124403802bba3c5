package org.circle.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian server program a test starts in the foreground on loopback (nginx, coturn), with its
 * own throwaway directory and log, stopped and cleaned up by close(). Nothing is left running.
 */
public class Daemon implements AutoCloseable {

    protected final Path dir;
    private final Path log;
    private Process process;

    protected Daemon(String name) {
        try {
            dir = Files.createTempDirectory("circle-" + name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        log = CircleProcess.outputDir().resolve(name + "-" + System.nanoTime() + ".log");
    }

    /** Starts the command and waits until something accepts TCP on 127.0.0.1:port. */
    protected void start(List<String> command, int port) {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException(command.get(0) + " exited: " + log());
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    CircleProcess.sleep(100);
                }
            }
            throw new IllegalStateException(command.get(0) + " did not listen on " + port + ": " + log());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless; the process is what matters
        }
    }
}
