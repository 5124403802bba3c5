package org.circle.bench;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;

/**
 * SFU figures through a real Janus, inside the throwaway network namespace (the bench profile's
 * sfu-bench execution): admit -> first decoded remote frame on the admitted member's page, beside
 * AdmitToFirstFrameBench's mesh figure; and how many people, each publishing 320x240 and receiving
 * everyone else, one Janus carries on this machine before the receivers together decode less than
 * nine in ten of the frames the publishers sent them. Prints and writes target/bench/sfu.txt. Run: mvn -Pbench verify
 */
class SfuBench {

    private static final String[] SCRIPTS = {Setting.script("record-connections.js"), Setting.script("sfu-instrumentation.js")};
    private static final int RUNS = 10;
    private static final int MAX_PEOPLE = 8;

    @Test
    void measure() throws Exception {
        String janus = Namespace.requireJanus();
        Circle circle = CircleServer.standalone("sfu-bench", Map.of("CIRCLE_JANUS_URL", janus));
        List<String> report = new ArrayList<>();
        try (CircleProcess process = circle.process(); Browser browser = new Browser()) {
            report.add(admitToFirstFrame(circle, browser));
            report.addAll(capacity(circle, browser));
        }
        report.forEach(System.out::println);
        Path out = Path.of("target/bench/sfu.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static String admitToFirstFrame(Circle circle, Browser browser) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Setting s = new Setting(circle, "sfu");
            Page f = s.facilitatorPage(browser, SCRIPTS);
            Page member = s.waitingMember(browser, "Member " + run, SCRIPTS);
            f.waitForSelector("text=Admit Member " + run);
            long start = System.nanoTime();
            f.click("text=Admit Member " + run);
            member.waitForFunction("async () => (await window.__routes()).some(r => r.role === 'subscriber' && r.frames > 0)", null,
                    new Page.WaitForFunctionOptions().setPollingInterval(10).setTimeout(30_000));
            millis.add((System.nanoTime() - start) / 1_000_000);
            member.context().close();
            f.context().close();
        }
        Collections.sort(millis);
        long median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
        return "admit -> first decoded remote frame (SFU through Janus, headless Chromium, namespace, " + RUNS + " runs): median "
                + median + " ms, max " + millis.get(RUNS - 1) + " ms, all " + millis;
    }

    /** Adds one person at a time; after each, every page's decoded frame rate from every other person over 10 s. */
    @SuppressWarnings("unchecked")
    private static List<String> capacity(Circle circle, Browser browser) throws Exception {
        List<String> lines = new ArrayList<>();
        Setting s = new Setting(circle, "sfu");
        List<Page> pages = new ArrayList<>();
        Page f = s.facilitatorPage(browser, SCRIPTS);
        pages.add(f);
        for (int people = 2; people <= MAX_PEOPLE; people++) {
            String name = "Person " + people;
            Page p = s.waitingMember(browser, name, SCRIPTS);
            f.click("text=Admit " + name);
            p.waitForSelector("#session:not([hidden])");
            pages.add(p);
            int others = people - 1;
            long deadline = System.currentTimeMillis() + 60_000;
            for (Page page : pages) {
                while (System.currentTimeMillis() < deadline && ((List<Map<String, Object>>) page.evaluate("() => window.__routes()")).stream()
                        .filter(r -> "subscriber".equals(r.get("role")) && ((Number) r.get("frames")).doubleValue() > 0).count() < others) {
                    Thread.sleep(250);
                }
            }
            double[] before = frames(pages);
            Thread.sleep(10_000);
            double[] after = frames(pages);
            double decoded = after[0] - before[0], sent = after[1] - before[1];
            double delivered = decoded / (sent * others); // every frame sent is meant for everyone else
            String line = String.format("%d people (%d publishers, %d subscriptions): %.1f frames/s sent per publisher, "
                    + "%.1f decoded per subscription, %.0f %% of what was sent", people, people, people * others,
                    sent / 10.0 / people, decoded / 10.0 / (people * others), delivered * 100);
            System.out.println(line);
            lines.add(line);
            if (delivered < 0.9) break; // a tenth of the frames lost on the way: the machine is full
        }
        return lines;
    }

    /** Frames decoded by every page from everyone else, and frames sent by every page's camera publisher. */
    private static double[] frames(List<Page> pages) {
        double[] out = new double[2];
        for (Page page : pages) {
            List<?> counts = (List<?>) page.evaluate(COUNTS);
            out[0] += ((Number) counts.get(0)).doubleValue();
            out[1] += ((Number) counts.get(1)).doubleValue();
        }
        return out;
    }

    private static final String COUNTS = """
            async () => {
              let decoded = 0, sent = 0;
              for (const pc of window.__pcs) {
                if (pc.connectionState === 'closed') continue;
                (await pc.getStats()).forEach((s) => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') decoded += s.framesDecoded || 0;
                  if (s.type === 'outbound-rtp' && s.kind === 'video') sent += s.framesSent || 0;
                });
              }
              return [decoded, sent];
            }""";
}
