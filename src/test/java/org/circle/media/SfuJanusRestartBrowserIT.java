package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.JanusProcess;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;

/**
 * Janus killed (SIGKILL) in the middle of an SFU session and started again, inside the throwaway
 * namespace: nobody clicks anything, and within 10 s of Janus taking connections again every page
 * decodes video and hears audio from every other person over connections made after the crash
 * (Circle reconnects, rebuilds the room and tells everyone media.restart; the pages renegotiate).
 */
class SfuJanusRestartBrowserIT {

    private static final String[] SCRIPTS = {Setting.script("record-connections.js"), Setting.script("sfu-instrumentation.js")};

    /** Connections made from index {@code since} on that bring someone's media: {from, frames, energy}. */
    private static final String RECEIVING = """
            async (since) => {
              const out = [];
              for (const pc of window.__pcs.slice(since)) {
                if (pc.connectionState === 'closed' || !pc.__from) continue;
                let frames = 0, energy = 0;
                (await pc.getStats()).forEach((s) => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
                  if (s.type === 'inbound-rtp' && s.kind === 'audio') energy += s.totalAudioEnergy || 0;
                });
                out.push({ from: pc.__from, frames, energy });
              }
              return out;
            }""";

    @Test
    void everyPageGetsMediaBackByItselfAfterJanusRestarts() throws Exception {
        String janus = Namespace.requireJanus();
        Circle circle = CircleServer.standalone("sfu-restart", Map.of("CIRCLE_JANUS_URL", janus));
        try (CircleProcess process = circle.process(); Browser browser = new Browser()) {
            Setting s = new Setting(circle, "sfu");
            Map<String, Page> pages = new LinkedHashMap<>();
            Page f = s.facilitatorPage(browser, SCRIPTS);
            pages.put("facilitator", f);
            for (String name : List.of("Ann", "Bo")) pages.put(name, s.waitingMember(browser, name, SCRIPTS));
            pages.forEach((name, p) -> p.onConsoleMessage(m -> { if (m.type().equals("warning")) System.out.println("[" + name + "] " + m.text()); }));
            for (String name : List.of("Ann", "Bo")) {
                f.click("text=Admit " + name);
                pages.get(name).waitForSelector("#session:not([hidden])");
            }
            Map<String, Integer> before = new LinkedHashMap<>();
            for (var e : pages.entrySet()) awaitReceiving(e.getKey(), e.getValue(), 0, 60_000);

            for (var e : pages.entrySet()) before.put(e.getKey(), ((Number) e.getValue().evaluate("() => window.__pcs.length")).intValue());
            JanusProcess.kill();
            JanusProcess.start();
            long back = System.currentTimeMillis();
            for (var e : pages.entrySet()) awaitReceiving(e.getKey(), e.getValue(), before.get(e.getKey()), 60_000);
            long took = System.currentTimeMillis() - back;
            System.out.println("media back at every page " + took + " ms after Janus took connections again");
            Browser.screenshot(pages.get("Ann"), "sfu-after-janus-restart");
            assertTrue(took <= 10_000, "every page had media back within 10 s of Janus restarting, not " + took + " ms");
        }
    }

    /** Waits until the page decodes video and hears audio from both others on connections made from index {@code since}. */
    @SuppressWarnings("unchecked")
    private static void awaitReceiving(String name, Page page, int since, long patience) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patience;
        List<Map<String, Object>> got = List.of();
        while (System.currentTimeMillis() < deadline) {
            got = (List<Map<String, Object>>) page.evaluate(RECEIVING, since);
            long flowing = got.stream().filter(r -> ((Number) r.get("frames")).doubleValue() > 0 && ((Number) r.get("energy")).doubleValue() > 0)
                    .map(r -> r.get("from")).distinct().count();
            if (flowing == 2) return;
            Thread.sleep(250);
        }
        throw new AssertionError(name + " expected video and audio from 2 others on new connections, got " + got);
    }
}
