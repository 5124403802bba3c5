package org.circle.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A server's heap by class ({@code jcmd GC.class_histogram}, which collects first), and what grew
 * between two of them per connected person: where a person's heap goes, Payara's or Circle's.
 * Objects are counted beside bytes, so that a class can be read as "one per person" or "a
 * buffer shared by many".
 */
record HeapHistogram(Map<String, Long> bytes, Map<String, Long> objects) {

    /** Live objects only, by class. */
    static HeapHistogram of(long pid) throws Exception {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> objects = new HashMap<>();
        for (String line : out.lines().toList()) {
            // "   1:        284085       43239992  [B (java.base@17.0.15)"
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) continue;
            objects.merge(f[3], Long.parseLong(f[1]), Long::sum);
            bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
        }
        return new HeapHistogram(bytes, objects);
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
