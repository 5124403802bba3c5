package org.circle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The load benchmark's findings: a table per step, the figures beside them, a plot of latency
 * against load, and a one-line summary against the targets. Written between the markers of
 * docs/performance.md so that the written analysis around them survives a rerun.
 */
final class PerformanceReport {

    static final String BEGIN = "<!-- load:begin -->", END = "<!-- load:end -->";
    private final List<Driver.Step> steps;
    private final Map<String, String> facts;

    PerformanceReport(List<Driver.Step> steps, Map<String, String> facts) {
        this.steps = steps;
        this.facts = facts;
    }

    void write(Path docs) throws IOException {
        Files.createDirectories(docs);
        plot(docs.resolve("performance.png"));
        Path doc = docs.resolve("performance.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        if (!text.contains(BEGIN) || !text.contains(END)) text = text + "\n" + BEGIN + "\n" + END + "\n";
        String generated = BEGIN + "\n" + body() + END;
        text = text.substring(0, text.indexOf(BEGIN)) + generated + text.substring(text.indexOf(END) + END.length());
        Files.writeString(doc, text);
        Path copy = Path.of("target/bench/load.md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, body());
        System.out.println(body());
    }

    private String body() {
        StringBuilder out = new StringBuilder();
        out.append("**Summary:** ").append(summary()).append("\n\n");
        out.append(String.format("%s sockets (%d sessions × %d members + a facilitator), each step %d s on loopback, "
                + "1 relay in 10 an offer, 1 in 10 an answer (3 KB each), the rest ICE candidates (0.2 KB); "
                + "Circle also gets one control (hand raise or lower, floor grant, mute) per 10 relays.%n%n",
                facts.get("people"), LoadBench.SESSIONS, LoadBench.MEMBERS, LoadBench.SECONDS));
        String cpus = facts.getOrDefault("serverCpus", "");
        out.append(cpus.isBlank() ? "Driver and servers were not pinned: they shared every core.\n\n"
                : "Each server ran pinned to CPU " + cpus + " (`taskset -c`) and the load driver to the other cores, so that they did not compete.\n\n");
        out.append("| server | offered relays/s | delivered/s | p50 ms | p99 ms | max ms | server CPU (cores) | errors |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Driver.Step s : steps) {
            out.append(String.format("| %s | %d | %.0f%s | %.2f | %.2f | %.1f | %.2f | %d |%n", s.target(), s.offered(),
                    s.deliveredPerSecond(), s.keptUp() ? "" : " (fell behind)", s.p50(), s.p99(), s.max(), s.cores(), s.errors()));
        }
        out.append("\n![relay latency against load](performance.png)\n\n");
        out.append(String.format("Memory per connected person: Circle %s KiB of heap (after GC, everyone admitted); raw relay %s KiB of heap; "
                + "PeerJS server %s KiB of resident memory (Node has no comparable heap figure).%n%n",
                facts.get("circle.heapPerPerson"), facts.get("relay.heapPerPerson"), facts.get("peerjs.rssPerPerson")));
        out.append("Circle, connecting and admitting everyone (").append(facts.get("circle.connectSeconds")).append(" s for all):\n\n")
                .append(facts.get("circle.setup")).append('\n');
        best("Circle").ifPresent(s -> out.append("Circle's messages at ").append(s.offered()).append(" relays/s:\n\n")
                .append(samples(s.recorder())).append('\n'));
        return out.toString();
    }

    /**
     * A run that does not write the page (Circle alone for a before/after, or a cluster): its
     * steps and every step's messages, kept under {@code dir} with the jar it measured, and printed.
     */
    static void writeRun(List<Driver.Step> steps, Map<String, String> facts, Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Run of %s: %s, %s instance(s), %s people (%d sessions × %d members + a facilitator), %d s steps, server CPUs '%s'%n%n",
                java.time.LocalDateTime.now().withNano(0), System.getProperty("circle.jar", "target/circle.jar"),
                facts.getOrDefault("instances", "1"), facts.get("people"), LoadBench.SESSIONS, LoadBench.MEMBERS, LoadBench.SECONDS,
                facts.getOrDefault("serverCpus", "")));
        out.append("| server | offered relays/s | delivered/s | p50 ms | p99 ms | max ms | server CPU (cores) | errors |\n|---|---|---|---|---|---|---|---|\n");
        for (Driver.Step s : steps) {
            out.append(String.format("| %s | %d | %.0f%s | %.2f | %.2f | %.1f | %.2f | %d |%n", s.target(), s.offered(),
                    s.deliveredPerSecond(), s.keptUp() ? "" : " (fell behind)", s.p50(), s.p99(), s.max(), s.cores(), s.errors()));
        }
        out.append("\nHeap per person: ").append(facts.get("circle.heapPerPerson")).append(" KiB; connecting and admitting everyone (")
                .append(facts.get("circle.connectSeconds")).append(" s):\n\n").append(facts.get("circle.setup")).append('\n');
        for (Driver.Step s : steps) out.append(s.target()).append(" at ").append(s.offered()).append(" relays/s:\n\n").append(samples(s.recorder())).append('\n');
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("load-run-" + facts.getOrDefault("instances", "1") + "i-" + System.currentTimeMillis() + ".md"), out);
        System.out.println(out);
    }

    static String samples(Recorder recorder) {
        StringBuilder out = new StringBuilder("| message | count | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        recorder.samples().forEach((kind, s) -> out.append(String.format("| %s | %d | %.2f | %.2f | %.2f |%n",
                kind, s.count(), s.millis(0.5), s.millis(0.99), s.millis(1.0))));
        return out.toString();
    }

    /** The highest step a server kept up with. */
    private Optional<Driver.Step> best(String prefix) {
        return steps.stream().filter(s -> s.target().startsWith(prefix) && s.keptUp()).reduce((a, b) -> b);
    }

    private Optional<Driver.Step> at(String prefix, int rate) {
        return steps.stream().filter(s -> s.target().startsWith(prefix) && s.offered() == rate).findFirst();
    }

    private String summary() {
        Optional<Driver.Step> circle = best("Circle"), raw = best("raw"), peer = best("PeerJS");
        if (circle.isEmpty() || raw.isEmpty() || peer.isEmpty()) return "a server kept up with no step; see the table.";
        int common = Math.min(circle.get().offered(), Math.min(raw.get().offered(), peer.get().offered()));
        double c = at("Circle", common).orElseThrow().p99(), r = at("raw", common).orElseThrow().p99(), p = at("PeerJS", common).orElseThrow().p99();
        double throughput = circle.get().deliveredPerSecond() / peer.get().deliveredPerSecond();
        return String.format("%s people held; at %d relays/s Circle's p99 is %.1f ms against PeerJS's %.1f ms (%s) and the raw relay's %.1f ms "
                + "(%.2f×, target ≤ 1.3×); Circle kept up to %.0f relays/s, PeerJS to %.0f (%.2f×, target ≥ 1.5×%s); "
                + "%s KiB of heap per person (target < 64).",
                facts.get("people"), common, c, p, c <= p ? "no worse: met" : "worse: missed", r, c / r,
                circle.get().deliveredPerSecond(), peer.get().deliveredPerSecond(), throughput,
                peer.get().offered() == LoadBench.RATES[LoadBench.RATES.length - 1] ? "; PeerJS was not driven to its limit" : "",
                facts.get("circle.heapPerPerson"));
    }

    private void plot(Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(540).title("Relay latency against load (loopback, 2 cores)")
                .xAxisTitle("offered relays per second").yAxisTitle("latency, ms (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        Map<String, List<Driver.Step>> byTarget = new LinkedHashMap<>();
        steps.forEach(s -> byTarget.computeIfAbsent(s.target(), k -> new ArrayList<>()).add(s));
        java.awt.Color[] colours = {new java.awt.Color(0x1b6b5a), new java.awt.Color(0x7a7a7a), new java.awt.Color(0xc0562b)};
        byTarget.forEach((target, list) -> {
            java.awt.Color colour = colours[new ArrayList<>(byTarget.keySet()).indexOf(target) % colours.length];
            double[] x = list.stream().mapToDouble(Driver.Step::offered).toArray();
            XYSeries p99 = chart.addSeries(target + " p99", x, list.stream().mapToDouble(s -> Math.max(0.01, s.p99())).toArray());
            p99.setMarker(SeriesMarkers.CIRCLE);
            p99.setLineColor(colour);
            p99.setMarkerColor(colour);
            XYSeries p50 = chart.addSeries(target + " p50", x, list.stream().mapToDouble(s -> Math.max(0.01, s.p50())).toArray());
            p50.setMarker(SeriesMarkers.DIAMOND);
            p50.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            p50.setLineColor(colour);
            p50.setMarkerColor(colour);
        });
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
