package org.circle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Signalling under load, side by side: Circle, a raw WebSocket relay on the same Payara, and
 * PeerJS server, each with the same clients relaying the same payloads at rising rates on
 * loopback. Writes docs/performance.md (between its markers) and docs/performance.png.
 * Run: bash ops/bench/load.sh (defaults: 250 sessions × 8 members + a facilitator each).
 */
class LoadBench {

    static final int SESSIONS = Integer.getInteger("load.sessions", 250);
    static final int MEMBERS = Integer.getInteger("load.members", 8);
    static final int SECONDS = Integer.getInteger("load.seconds", 15);
    static final int WARM_UP_SECONDS = Integer.getInteger("load.warmup", 15);
    /** Which servers to drive ({@code -Dload.targets=circle} for a quick before/after of Circle alone); the page is written only when all three ran. */
    static final List<String> TARGETS = List.of(System.getProperty("load.targets", "circle,relay,peerjs").split(","));
    static final int[] RATES = Arrays.stream(System.getProperty("load.rates", "500,1000,2000,4000,6000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();

    /**
     * The cores the servers run on ({@code -Dload.serverCpus=1}); {@code ops/bench/load.sh} pins
     * the driver to the others so that neither steals the other's core. Empty: unpinned.
     */
    static final String SERVER_CPUS = System.getProperty("load.serverCpus", "");

    /**
     * How many clustered instances serve Circle ({@code -Dload.instances=2}): they share one
     * database and data grid on loopback, each session's people are split across them, and only
     * Circle is driven (the baselines have no cluster). All of them run on {@link #SERVER_CPUS}.
     */
    static final int INSTANCES = Integer.getInteger("load.instances", 1);

    @Test
    void load() throws Exception {
        List<Driver.Step> steps = new ArrayList<>();
        Map<String, String> facts = new HashMap<>();
        try (TestDatabase database = new TestDatabase()) {
            if (INSTANCES > 1) {
                try (CircleCluster cluster = new CircleCluster(INSTANCES, database, jvmFlags(), SERVER_CPUS).start()) {
                    measureCircle(cluster.instances(), steps, facts);
                }
            } else {
                if (TARGETS.contains("circle")) try (CircleProcess circle = server(withSetupCode(database.env()), "load")) {
                    measureCircle(List.of(circle), steps, facts);
                }
                // A server of its own: measured in Circle's, after Circle's sockets had closed, the
                // container's request objects and buffers those left behind were taken up again by
                // the relay's, and its heap per person read 16.7 KiB where a fresh server holds 29.
                // And a database of its own, so that it recovers none of the sessions Circle's run left.
                if (TARGETS.contains("relay")) try (TestDatabase own = new TestDatabase();
                        CircleProcess circle = server(withSetupCode(own.env()), "relay");
                        RelayTarget target = new RelayTarget(circle.baseUrl(), circle.pid())) {
                    Recorder.begin("relay connect");
                    long heap = heapAfterGc(circle.pid());
                    HeapHistogram before = HeapHistogram.of(circle);
                    target.connect(SESSIONS, MEMBERS + 1);
                    facts.put("relay.heapPerPerson", String.format("%.1f", (heapAfterGc(circle.pid()) - heap) / target.people() / 1024.0));
                    // The same Payara's heap for a bare socket: what Circle's own state adds is the difference.
                    Files.writeString(CircleProcess.outputDir().resolve("relay-heap-histogram.txt"),
                            HeapHistogram.of(circle).growthPerPerson(before, target.people(), 200));
                    runSteps(target, steps);
                }
            }
        }
        if (INSTANCES == 1 && TARGETS.contains("peerjs")) try (PeerJsTarget target = new PeerJsTarget(SERVER_CPUS)) {
            long rss = Driver.rss(target.serverPid());
            target.connect(SESSIONS, MEMBERS + 1);
            Thread.sleep(1000);
            facts.put("peerjs.rssPerPerson", String.format("%.1f", (Driver.rss(target.serverPid()) - rss) / target.people() / 1024.0));
            runSteps(target, steps);
        }
        facts.put("serverCpus", SERVER_CPUS);
        if (TARGETS.size() == 3 && INSTANCES == 1) new PerformanceReport(steps, facts).write(Path.of("docs"));
        else PerformanceReport.writeRun(steps, facts, Path.of("target/bench"));
    }

    /** Circle on one instance or several: set up, connect and admit everyone, then the rising rates. */
    private static void measureCircle(List<CircleProcess> instances, List<Driver.Step> steps, Map<String, String> facts) throws Exception {
        try (CircleTarget target = new CircleTarget(instances)) {
            Recorder.begin("Circle setup");
            target.prepare(SESSIONS, MEMBERS + 1);
            long heap = heapAfterGc(target.serverPids());
            HeapHistogram before = HeapHistogram.of(instances.get(0));
            Recorder setup = Recorder.begin("Circle connect");
            long t0 = System.nanoTime();
            target.connect(SESSIONS, MEMBERS + 1);
            facts.put("circle.connectSeconds", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            target.admitEveryone();
            long perPerson = (heapAfterGc(target.serverPids()) - heap) / target.people();
            // Where that heap is, for the report: the classes that grew most, per person (the first instance's, in a cluster).
            Files.writeString(CircleProcess.outputDir().resolve("circle-heap-histogram.txt"),
                    HeapHistogram.of(instances.get(0)).growthPerPerson(before, target.people() / instances.size(), 200));
            facts.put("circle.heapPerPerson", String.format("%.1f", perPerson / 1024.0));
            facts.put("circle.setup", PerformanceReport.samples(setup));
            facts.put("people", String.valueOf(target.people()));
            facts.put("instances", String.valueOf(instances.size()));
            runSteps(target, steps);
        }
    }

    private static Map<String, String> withSetupCode(Map<String, String> databaseEnv) {
        Map<String, String> env = new HashMap<>(databaseEnv);
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        return env;
    }

    /** Circle on the load's flags and cores, with the raw relay's WAR deployed beside it. */
    private static CircleProcess server(Map<String, String> env, String name) throws Exception {
        return new CircleProcess(name, env).withJvm(jvmFlags()).onCpus(SERVER_CPUS)
                .withArgs(List.of("--deploy", relayWar().toString())).start();
    }

    /** The server's JVM flags, with any extra ones for a comparison ({@code -Dload.jvm="-Dx=y -Dz"}). */
    private static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"));
        String extra = System.getProperty("load.jvm", "").strip();
        if (!extra.isEmpty()) flags.addAll(Arrays.asList(extra.split("\\s+")));
        // A collector named in load.jvm replaces G1: the JVM refuses two.
        if (flags.stream().filter(f -> f.matches("-XX:\\+Use\\w+GC")).count() > 1) flags.remove("-XX:+UseG1GC");
        return flags;
    }

    /** Rising rates until the target no longer keeps up; the step where it fell behind is kept. */
    private static void runSteps(Target target, List<Driver.Step> steps) throws Exception {
        // The JIT compiles the hot paths during the first seconds of traffic: warm every server
        // up at the lowest rate before anything is measured.
        Driver.run(target, RATES[0], WARM_UP_SECONDS, 1);
        for (int rate : RATES) {
            Driver.Step step = Driver.run(target, rate, SECONDS, rate);
            steps.add(step);
            System.out.printf("%-28s offered %5d/s delivered %7.0f/s p50 %7.2f ms p99 %8.2f ms max %8.2f ms cpu %.2f errors %d%n",
                    step.target(), rate, step.deliveredPerSecond(), step.p50(), step.p99(), step.max(), step.cores(), step.errors());
            if (!step.keptUp()) break;
        }
    }

    /** The raw relay, packed from the test classes into a WAR of its own for --deploy. */
    private static Path relayWar() throws IOException {
        Path war = CircleProcess.outputDir().resolve("relay.war");
        Files.createDirectories(war.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
            pack(out, Path.of("target/test-classes"), "org/circle/bench/relay/");
            pack(out, Path.of("target/classes"), "org/circle/platform/ScanFreeContext");
            pack(out, Path.of("target/classes"), "org/circle/signaling/boundary/PlainIdleTimer");
        }
        return war;
    }

    /** Adds every class under {@code classes} whose path starts with {@code prefix}. */
    private static void pack(JarOutputStream out, Path classes, String prefix) throws IOException {
        try (var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith(prefix)) continue;
                out.putNextEntry(new JarEntry("WEB-INF/classes/" + name));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    /** The heap of several processes together, each after a full GC. */
    private static long heapAfterGc(List<Long> pids) throws Exception {
        long sum = 0;
        for (long pid : pids) sum += heapAfterGc(pid);
        return sum;
    }

    private static long heapAfterGc(long pid) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        // G1 and Serial say "used 123456K", ZGC "used 114M"
        var used = java.util.regex.Pattern.compile("used (\\d+)([KMG])").matcher(info);
        if (!used.find()) throw new IllegalStateException("no heap figure in: " + info);
        return Long.parseLong(used.group(1)) << switch (used.group(2)) { case "K" -> 10; case "M" -> 20; default -> 30; };
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
