package org.circle.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples of one load step: relay latencies by kind, command round trips, deliveries and errors.
 * The current step's recorder is swapped in by the driver; late frames of a step count there.
 */
final class Recorder {

    private static volatile Recorder current = new Recorder("setup");

    final String name;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final Map<String, Samples> samples = new TreeMap<>();

    Recorder(String name) { this.name = name; }

    static Recorder current() { return current; }

    static Recorder begin(String name) {
        current = new Recorder(name);
        return current;
    }

    void relayed(char kind, long nanos) {
        delivered.incrementAndGet();
        record("relay", nanos);
        record(kind == 'c' ? "signal (candidate, 0.2 KB)" : kind == 'o' ? "signal (offer, 3 KB)" : "signal (answer, 3 KB)", nanos);
    }

    void error() { errors.incrementAndGet(); }

    synchronized void record(String kind, long nanos) {
        samples.computeIfAbsent(kind, k -> new Samples()).add(nanos);
    }

    synchronized Map<String, Samples> samples() { return new TreeMap<>(samples); }

    synchronized Samples of(String kind) { return samples.getOrDefault(kind, new Samples()); }

    /** A growable array of nanosecond samples with percentiles. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        synchronized int count() { return size; }

        /** The q-quantile in milliseconds (nearest rank), or NaN without samples. */
        synchronized double millis(double q) {
            if (size == 0) return Double.NaN;
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
        }
    }
}
