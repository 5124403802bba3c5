package org.circle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Drives one load step: for a fixed time, relays between random pairs in random rooms at a fixed
 * rate (1 in 10 an offer, 1 in 10 an answer, the rest candidates: the shape of a mesh
 * negotiation), plus one control per ten relays where the target has controls. Then waits for
 * stragglers and reads what arrived and what the server's process spent.
 */
final class Driver {

    private static final String CANDIDATE = "c".repeat(200);
    private static final String SDP = "s".repeat(3000);

    /** What one step measured. */
    record Step(String target, int offered, double seconds, long sent, long delivered, double p50, double p99, double max,
                double cores, long errors, Recorder recorder) {
        double deliveredPerSecond() { return delivered / seconds; }
        boolean keptUp() { return delivered >= sent * 0.99 && p99 < 1000; }
    }

    /** One control per this many relays ({@code -Dload.controlEvery=0}: none, to see what the controls cost the relays). */
    static final int CONTROL_EVERY = Integer.getInteger("load.controlEvery", 10);

    private Driver() { }

    static Step run(Target target, int rate, int seconds, long seed) throws Exception {
        Random random = new Random(seed);
        Recorder recorder = Recorder.begin(target.name() + " @ " + rate);
        long cpuBefore = cpuTicks(target.serverPids());
        long start = System.nanoTime(), end = start + TimeUnit.SECONDS.toNanos(seconds);
        long relays = 0, controls = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            for (; relays < due; relays++) {
                Peer[] room = target.rooms.get(random.nextInt(target.rooms.size()));
                int from = random.nextInt(room.length), to = random.nextInt(room.length - 1);
                if (to >= from) to++;
                int roll = random.nextInt(10);
                char kind = roll == 0 ? 'o' : roll == 1 ? 'a' : 'c';
                String payload = "{\"t\":" + System.nanoTime() + ",\"k\":\"" + kind + "\",\"sdp\":\"" + (kind == 'c' ? CANDIDATE : SDP) + "\"}";
                room[from].send(target.relay(room[from], room[to], kind, payload));
                recorder.sent.incrementAndGet();
                if (CONTROL_EVERY > 0 && relays % CONTROL_EVERY == CONTROL_EVERY - 1) {
                    target.control(target.rooms.get(random.nextInt(target.rooms.size())), random);
                    controls++;
                }
            }
            Thread.sleep(1);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = cpuTicks(target.serverPids()) - cpuBefore;
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.delivered.get() < recorder.sent.get() && System.nanoTime() < settle) Thread.sleep(20);
        Recorder.Samples relay = recorder.of("relay");
        return new Step(target.name(), rate, elapsed, recorder.sent.get(), recorder.delivered.get(),
                relay.millis(0.5), relay.millis(0.99), relay.millis(1.0), cpu / 100.0 / elapsed, recorder.errors.get(), recorder);
    }

    /** The CPU ticks of several processes together: a cluster's instances share the cores they were given. */
    static long cpuTicks(java.util.List<Long> pids) throws Exception {
        long ticks = 0;
        for (long pid : pids) ticks += cpuTicks(pid);
        return ticks;
    }

    /** User plus system CPU ticks (1/100 s) of a process and its threads, from /proc. */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory of a process in bytes, from /proc. */
    static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        return 0;
    }
}
