package org.circle.media;

import static org.circle.media.SfuPages.awaitReceiving;
import static org.circle.media.SfuPages.awaitSilence;
import static org.circle.media.SfuPages.awaitSound;
import static org.circle.media.SfuPages.ids;
import static org.circle.media.SfuPages.removeAndAssertCutOff;
import static org.circle.media.SfuPages.routes;
import static org.circle.media.SfuPages.sentAt;
import static org.circle.media.SfuPages.sentAudioGrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;

/**
 * An SFU session through a real Janus, in the throwaway network namespace: a facilitator and three
 * members in headless Chromium with fake devices (320x240). Every admitted person decodes every
 * other one's video and hears their audio, over routes that all end at Janus; a waiting member has
 * no connection at all. Then the controls, proven at the receivers while the member's own page
 * disobeys: muted and moderated-without-the-floor receive no audio packet from them a second after
 * the command (and play no energy half a second later), audible again after unmute or with the
 * floor, and a removed member
 * whose page keeps its connections open neither reaches anyone nor receives.
 */
class SfuMediaBrowserIT {

    private static final String[] SCRIPTS = {Setting.script("record-connections.js"), Setting.script("sfu-instrumentation.js")};

    @Test
    void janusForwardsWhatTheSessionAllowsAndNothingElse() throws Exception {
        String janus = Namespace.requireJanus();
        Circle circle = CircleServer.standalone("sfu-janus", Map.of("CIRCLE_JANUS_URL", janus));
        try (CircleProcess process = circle.process(); Browser browser = new Browser()) {
            Setting s = new Setting(circle, "sfu");
            assertEquals("sfu", circle.admin().post("/api/groups/" + s.groupId + "/sessions", Http.json("title", "Default",
                    "startsAt", "2026-11-22T18:00:00Z", "minutes", 60)).json().getString("media"), "a server with Janus schedules SFU by default");
            Page f = s.facilitatorPage(browser, SCRIPTS);
            Map<String, Page> pages = new LinkedHashMap<>();
            pages.put("facilitator", f);
            for (String name : List.of("Ann", "Bo", "Cy", "Di")) pages.put(name, s.waitingMember(browser, name, SCRIPTS));
            pages.forEach((name, p) -> p.onConsoleMessage(m -> { if (m.type().equals("warning")) System.out.println("[" + name + "] " + m.text()); }));
            for (String name : List.of("Ann", "Bo", "Cy")) {
                f.click("text=Admit " + name);
                pages.get(name).waitForSelector("#session:not([hidden])");
            }
            Page di = pages.remove("Di");
            Map<String, String> ids = ids(f, 3);

            for (var e : pages.entrySet()) awaitReceiving(e.getKey(), e.getValue(), 3);
            Browser.screenshot(pages.get("Ann"), "sfu-ann");
            Set<Integer> janusPorts = Namespace.janusPorts();
            for (var e : pages.entrySet()) {
                for (Map<String, Object> route : routes(e.getValue())) {
                    int port = Integer.parseInt(((String) route.get("remote")).replaceAll(".*:", ""));
                    assertTrue(janusPorts.contains(port), e.getKey() + "'s route ends at Janus " + janusPorts + ", not elsewhere: " + route);
                }
            }
            assertEquals(0, ((Number) di.evaluate("() => window.__pcs.length")).intValue(), "a waiting member sends and receives nothing");

            Page ann = pages.get("Ann");
            ann.evaluate("() => { window.__ignoreMute = true; }");
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Mute Ann");
            long mutedAt = sentAt(f, "mute");
            awaitSilence(pages, ids.get("Ann"), mutedAt, "mute");
            assertTrue(sentAudioGrows(ann), "Ann's page ignored the mute and kept sending audio");
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Ask Ann to unmute");
            ann.click("button:has-text('Unmute')");
            awaitSound(pages, ids.get("Ann"), "unmute");

            f.check("#moderated");
            long moderatedAt = sentAt(f, "mode.set");
            awaitSilence(pages, ids.get("Ann"), moderatedAt, "moderated mode without the floor");
            assertTrue(sentAudioGrows(ann), "Ann's page ignored moderated mode and kept sending audio");
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Give Ann the floor");
            ann.click(".mic");
            awaitSound(pages, ids.get("Ann"), "the floor in moderated mode");
            f.uncheck("#moderated");

            Page bo = pages.remove("Bo");
            f.onDialog(d -> d.accept());
            removeAndAssertCutOff(f, pages, bo, "Bo", ids.get("Bo"));
        }
    }
}
