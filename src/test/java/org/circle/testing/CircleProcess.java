package org.circle.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built circle.jar as a real process on a free loopback port. Started the way the README
 * starts it, plus the JVM flags that make it boot faster; its output goes to a file under
 * target/test-output so a failing test can be read afterwards.
 */
public final class CircleProcess implements AutoCloseable {

    private final Map<String, String> env;
    private final Path workDir;
    private final Path log;
    private final int port;
    private Process process;
    private List<String> extraArgs = List.of();
    private List<String> jvmFlags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");
    private List<String> launcher = List.of();

    public CircleProcess(String name, Map<String, String> env) {
        this.env = new HashMap<>(env);
        this.port = freePort();
        try {
            Path dir = outputDir().resolve(name);
            deleteTree(dir); // a fresh start each run: no database or log left from the last one
            this.workDir = Files.createDirectories(dir);
            this.log = workDir.resolve("server.log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path outputDir() {
        return Path.of(System.getProperty("circle.test.output", "target/test-output"));
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("circle.jar", "target/circle.jar"));
        if (!Files.exists(jar)) throw new IllegalStateException("Build the jar first (mvn package): " + jar);
        return jar;
    }

    /** JVM flags for the server: the tests boot fast; a benchmark runs as a server would. */
    public CircleProcess withJvm(List<String> flags) {
        this.jvmFlags = List.copyOf(flags);
        return this;
    }

    /**
     * Runs the server on these CPUs only ({@code taskset -c}, which execs java: the pid stays the
     * server's), so that a benchmark's load driver and the server stop competing for a core.
     */
    public CircleProcess onCpus(String cpus) {
        this.launcher = cpus == null || cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus);
        return this;
    }

    /** Payara Micro arguments after the port, for example a benchmark's extra --deploy. */
    public CircleProcess withArgs(List<String> args) {
        this.extraArgs = List.copyOf(args);
        return this;
    }

    public long pid() { return process.pid(); }

    /** The running server's threads as {@code jcmd Thread.print} lists them: what runs inside the real Payara. */
    public String threadDump() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
        String threads = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return threads;
    }

    /** How many live objects of each class the server holds ({@code jcmd GC.class_histogram}, which collects first). */
    public Map<String, Long> liveInstances() throws IOException, InterruptedException {
        return classHistogram().objects();
    }

    /** The server's live objects and their bytes, by class. */
    public record ClassHistogram(Map<String, Long> objects, Map<String, Long> bytes) { }

    /** {@code jcmd GC.class_histogram}, which collects first: live objects only. */
    public ClassHistogram classHistogram() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        Map<String, Long> objects = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split("\\s+"); // "   1:        284085       43239992  [B (java.base@17.0.15)"
            if (f.length < 4 || !f[0].endsWith(":")) continue;
            objects.merge(f[3], Long.parseLong(f[1]), Long::sum);
            bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
        }
        return new ClassHistogram(objects, bytes);
    }

    /** Adds a setting before start; for settings that need the port, such as CIRCLE_PUBLIC_URL. */
    public CircleProcess withEnv(String key, String value) {
        env.put(key, value);
        return this;
    }

    public CircleProcess start() {
        start0();
        awaitReady(Duration.ofSeconds(180)); // a shared two-core machine under load took 120 s
        return this;
    }

    /**
     * Starts and waits until readiness answers at all, 200 or 503: for a start that must come up
     * serving but not ready (a broken consent chain). Returns the readiness status.
     */
    public int startAnswering() {
        start0();
        return awaitReadiness(Duration.ofSeconds(180), false);
    }

    /** Waits for the process to exit by itself (a start that must fail). */
    public int startExpectingExit(Duration within) throws InterruptedException {
        start0();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Circle did not stop within " + within + "; see " + log);
        }
        return process.exitValue();
    }

    private void start0() {
        List<String> command = new java.util.ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "--port", String.valueOf(port)));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("CIRCLE_"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration within) {
        awaitReadiness(within, true);
    }

    private int awaitReadiness(Duration within, boolean onlyUp) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("Circle exited with " + process.exitValue() + "; see " + log);
            try {
                var answer = http.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200 || (!onlyUp && answer.statusCode() == 503)) return answer.statusCode();
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Circle was not ready within " + within + "; see " + log);
    }

    /** Stops the server gracefully, or with {@code kill -9} when {@code hard}. */
    public void stop(boolean hard) {
        if (process == null) return;
        if (hard) process.destroyForcibly(); else process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Kills the server as {@code kill -9} would (SIGKILL: no shutdown hook, nothing flushed) and
     * returns its exit status (137). {@link #start()} then starts it again on the same port, work
     * folder and database, as an operator restarting a crashed server would.
     */
    public int kill() {
        if (process == null) throw new IllegalStateException("not running");
        Process dying = process;
        process = null;
        dying.destroyForcibly();
        try {
            if (!dying.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) throw new AssertionError("still alive after SIGKILL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dying.exitValue();
    }

    public CircleProcess restart() {
        stop(false);
        return start();
    }

    public URI uri(String path) { return URI.create(baseUrl() + path); }
    public String baseUrl() { return "http://127.0.0.1:" + port; }
    public int port() { return port; }
    public Path workDir() { return workDir; }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The log's SEVERE records, each whole, except Payara's own report of a client that hung up
     * while it was being answered: when a kill -9 cuts a request off mid-answer, Catalina logs
     * AS-WEB-CORE-00037 with a NullPointerException of its own (the closed connection has no
     * address), though nothing was lost and nobody waits for that answer.
     */
    public List<String> severeRecords() {
        List<String> found = new ArrayList<>();
        StringBuilder record = null;
        for (String line : log().split("\n")) {
            if (line.startsWith("[")) {
                if (record != null) found.add(record.toString());
                record = line.contains("SEVERE") ? new StringBuilder(line) : null;
            } else if (record != null) {
                record.append('\n').append(line);
            }
        }
        if (record != null) found.add(record.toString());
        found.removeIf(CircleProcess::clientHungUp);
        return found;
    }

    static boolean clientHungUp(String record) {
        return record.contains("AS-WEB-CORE-00037") && (record.contains("Connection is closed") || record.contains("getLocalAddress()"));
    }

    /**
     * What went wrong in the server after {@code mark} (a length of {@link #log()}): each
     * warning's or error's first lines, its causes and Circle's own frames, so a test that fails in
     * CI, where the log is gone, says why.
     */
    public String problemsSince(int mark) {
        String after = log();
        after = after.substring(Math.min(mark, after.length()));
        StringBuilder seen = new StringBuilder();
        boolean inProblem = false;
        for (String line : after.split("\n")) {
            if (line.startsWith("[")) inProblem = line.contains("WARNING") || line.contains("SEVERE");
            if (inProblem && (line.startsWith("[") || line.startsWith("Caused by") || line.contains("at org.circle")
                    || line.contains("Exception") && !line.startsWith("\t"))) {
                seen.append(line, 0, Math.min(line.length(), 400)).append('\n');
            }
        }
        return seen.length() == 0 ? "(nothing logged)" : seen.toString();
    }

    @Override
    public void close() { stop(false); }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
