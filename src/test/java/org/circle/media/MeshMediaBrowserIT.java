package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Namespace;
import org.circle.testing.NamespaceServer;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Media really flows between admitted people, through the real pages in headless Chromium with
 * fake devices: decoded video frames and played sound (audio energy) from each other; nothing to or from a person
 * still waiting; a removed person's media stops within 2 s; a dropped socket resumes with media while
 * someone else is admitted, and all three then hear and see each other. Inside the throwaway network
 * namespace (Failsafe's sfu-browser execution): every route runs over its veth pair.
 */
@ExtendWith(NamespaceServer.class)
class MeshMediaBrowserIT {

    @Test
    void mediaFlowsOnlyBetweenAdmittedPeople(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String instrumentation = Setting.script("record-connections.js");
        try (Browser browser = new Browser()) {
            Page f = s.facilitatorPage(browser, instrumentation);
            Map<String, Page> members = new java.util.LinkedHashMap<>();
            for (String name : List.of("Ann", "Bo", "Cy")) members.put(name, s.waitingMember(browser, name, instrumentation));
            Page ann = members.get("Ann"), bo = members.get("Bo"), cy = members.get("Cy");
            f.onConsoleMessage(m -> System.out.println("[facilitator] " + m.text()));
            ann.onConsoleMessage(m -> System.out.println("[ann] " + m.text()));
            Browser.screenshot(f, "mesh-0-facilitator-waiting");
            Browser.screenshot(ann, "mesh-0-ann-waiting");
            f.click("text=Admit Ann");
            ann.waitForSelector("#session:not([hidden])");
            f.click("text=Admit Bo");
            bo.waitForSelector("#session:not([hidden])");
            Browser.screenshot(f, "mesh-facilitator");

            for (Page p : List.of(f, ann, bo)) awaitMedia(p, 2);
            for (Page p : List.of(f, ann, bo)) Namespace.assertRoutesInside(p);
            Browser.screenshot(ann, "mesh-ann");
            assertEquals(0, ((Number) cy.evaluate("() => window.__pcs.length")).intValue(), "a waiting person has no connection at all");
            assertTrue(cy.isVisible("#waiting"));

            f.onDialog(d -> d.accept());
            f.click("text=Actions for Bo"); // the person's menu on their tile
            f.click("text=Remove Bo");
            f.click("#remove-dialog button[value=remove]"); // removal asks first, now in a dialog with a reason
            long removedAt = System.currentTimeMillis();
            for (Page p : List.of(f, ann)) {
                p.waitForFunction("() => window.__pcs.filter(pc => pc.connectionState !== 'closed').length === 1");
            }
            assertTrue(System.currentTimeMillis() - removedAt < 2_000, "the others stopped receiving from Bo within 2 s");
            bo.waitForSelector("#ended:not([hidden])");

            // Ann's network drops at the moment Cy is admitted: she resumes while Cy arrives, and
            // every pair of the three has sound and pictures.
            ann.evaluate("() => window.__sockets[window.__sockets.length - 1].close(4000, 'network drop')");
            f.click("text=Admit Cy");
            ann.waitForFunction("() => window.__sockets.length >= 2 && window.__sockets[window.__sockets.length - 1].readyState === 1");
            cy.waitForSelector("#session:not([hidden])");
            for (Page p : List.of(f, ann, cy)) awaitMedia(p, 2);
            assertTrue(ann.isVisible("#session"), "resumed without waiting again");
        }
    }

    /**
     * Waits until the page has {@code peers} open connections each decoding video frames and playing
     * sound: {@code totalAudioEnergy} grows only for audio the page really plays out, and the fake
     * microphone beeps, so bytes alone (which arrive even when nothing plays) are not enough.
     */
    @SuppressWarnings("unchecked")
    private static void awaitMedia(Page page, int peers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Map<String, Object>> stats = List.of();
        while (System.currentTimeMillis() < deadline) {
            stats = (List<Map<String, Object>>) page.evaluate("() => window.__media()");
            long flowing = stats.stream().filter(m -> ((Number) m.get("video")).intValue() > 0 && ((Number) m.get("audio")).intValue() > 0
                    && ((Number) m.get("energy")).doubleValue() > 0).count();
            if (stats.size() == peers && flowing == peers) return;
            Thread.sleep(250);
        }
        throw new AssertionError("expected media from " + peers + " peers, got " + stats);
    }
}
