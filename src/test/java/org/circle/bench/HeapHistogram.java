package org.circle.bench;

import java.util.HashMap;
import java.util.Map;
import org.circle.testing.CircleProcess;

/**
 * A server's heap by class ({@code jcmd GC.class_histogram}, which collects first), and what grew
 * between two of them per connected person: where a person's heap goes, Payara's or Circle's.
 * Objects are counted beside bytes, so that a class can be read as "one per person" or "a
 * buffer shared by many".
 */
record HeapHistogram(Map<String, Long> bytes, Map<String, Long> objects) {

    /** Live objects only, by class. */
    static HeapHistogram of(CircleProcess server) throws Exception {
        CircleProcess.ClassHistogram live = server.classHistogram();
        return new HeapHistogram(live.bytes(), live.objects());
    }

    /** The {@code top} classes that grew most since {@code before}, in bytes and objects per person, with their share of the growth. */
    String growthPerPerson(HeapHistogram before, int people, int top) {
        Map<String, Long> grew = new HashMap<>();
        bytes.forEach((type, b) -> grew.put(type, b - before.bytes.getOrDefault(type, 0L)));
        long total = grew.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format("heap growth per person: %.1f KiB over %d people%n%n", total / 1024.0 / people, people));
        out.append(String.format("%10s %8s %6s  %s%n", "bytes/person", "objects", "share", "class"));
        grew.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format("%10.0f %8.1f %5.1f%%  %s%n", (double) e.getValue() / people,
                        (double) (objects.getOrDefault(e.getKey(), 0L) - before.objects.getOrDefault(e.getKey(), 0L)) / people,
                        100.0 * e.getValue() / total, e.getKey())));
        return out.toString();
    }
}
