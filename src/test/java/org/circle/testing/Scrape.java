package org.circle.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of {@code /metrics} as Prometheus would take it: each sample keyed by its name and
 * its labels in order, without the {@code mp_scope} label every MicroProfile metric carries.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Double> samples = new TreeMap<>();
    private final String text;

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) continue;
            TreeSet<String> labels = new TreeSet<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) if (!l.group(1).equals("mp_scope")) labels.add(l.group(1) + "=\"" + l.group(2) + "\"");
            }
            samples.put(labels.isEmpty() ? m.group(1) : m.group(1) + "{" + String.join(",", labels) + "}", Double.parseDouble(m.group(3)));
        }
    }

    public static Scrape of(Http http) {
        var answer = http.get("/metrics", "text/plain");
        if (answer.status() != 200) throw new AssertionError("/metrics: " + answer);
        return new Scrape(answer.body());
    }

    /** A sample's value, 0 when absent (a counter nobody has touched yet is not written). */
    public double value(String key) { return samples.getOrDefault(key, 0.0); }

    public boolean has(String key) { return samples.containsKey(key); }

    /** The samples of one metric (every label set), e.g. a histogram's buckets. */
    public Map<String, Double> startingWith(String prefix) {
        Map<String, Double> found = new TreeMap<>();
        samples.forEach((k, v) -> { if (k.startsWith(prefix)) found.put(k, v); });
        return found;
    }

    /** The names of every sample, without labels (a histogram gives its _bucket, _count and _sum). */
    public java.util.Set<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (String key : samples.keySet()) names.add(key.contains("{") ? key.substring(0, key.indexOf('{')) : key);
        return names;
    }

    public double since(Scrape before, String key) { return value(key) - before.value(key); }

    public String text() { return text; }

    @Override
    public String toString() { return samples.toString(); }
}
