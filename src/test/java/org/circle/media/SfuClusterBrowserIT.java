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
import org.circle.testing.Clustered;
import org.circle.testing.DatabaseBridge;
import org.circle.testing.Http;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * One SFU session across two instances of a cluster and one Janus, in the throwaway network
 * namespace (MariaDB reached through its socket: {@link DatabaseBridge}). The facilitator and Ann
 * are on instance A, Bo and Cy on B, as a load balancer without stickiness may place them. Bo and
 * Cy come in after A's two publish, so B must find their streams in Janus; then everyone decodes
 * everyone's video and hears everyone's audio. The controls are decided on A and enforced on B's
 * publishers, proven at the receivers on both instances while the member's own page disobeys:
 * Bo muted is silent a second later and audible again after unmuting; Cy removed, with her page
 * keeping its connections open, neither reaches anyone nor receives a second later.
 */
class SfuClusterBrowserIT {

    private static final String[] SCRIPTS = {Setting.script("record-connections.js"), Setting.script("sfu-instrumentation.js")};

    @Test
    void peopleOnTwoInstancesSeeAndHearEachOtherAndTheControlsHoldAcrossThem() throws Exception {
        String janus = Namespace.requireJanus();
        int gridA = CircleProcess.freePort(), gridB = CircleProcess.freePort();
        String members = Clustered.members(gridA, gridB);
        try (DatabaseBridge bridge = new DatabaseBridge();
             TestDatabase db = new TestDatabase();
             CircleProcess a = Clustered.instance("sfu-cluster-a", db, members, gridA).withEnv("CIRCLE_JANUS_URL", janus);
             CircleProcess b = Clustered.instance("sfu-cluster-b", db, members, gridB).withEnv("CIRCLE_JANUS_URL", janus);
             Browser browser = new Browser()) {
            a.start(); // first, alone: it makes the schema; B joins its grid
            b.start();
            assertEquals(2, Clustered.awaitMembers(a, 2), "one data grid of two");
            Circle onA = new Circle(a, db, new Http(a.baseUrl()), CircleServer.setUp(new Http(a.baseUrl())));
            Setting s = new Setting(onA, "sfu");

            Page f = s.facilitatorPage(browser, SCRIPTS);
            Page ann = s.waitingMember(browser, "Ann", SCRIPTS);
            Page bo = s.waitingMemberAt(b.baseUrl(), browser, "Bo", SCRIPTS);
            Page cy = s.waitingMemberAt(b.baseUrl(), browser, "Cy", SCRIPTS);
            Map<String, Page> pages = new LinkedHashMap<>(Map.of("facilitator (A)", f, "Ann (A)", ann, "Bo (B)", bo, "Cy (B)", cy));
            pages.forEach((name, p) -> p.onConsoleMessage(m -> { if (m.type().equals("warning")) System.out.println("[" + name + "] " + m.text()); }));

            f.click("text=Admit Ann");
            ann.waitForSelector("#session:not([hidden])");
            awaitReceiving("facilitator (A)", f, 1);
            awaitReceiving("Ann (A)", ann, 1);
            for (String name : List.of("Bo", "Cy")) {
                f.click("text=Admit " + name);
                pages.get(name + " (B)").waitForSelector("#session:not([hidden])");
            }
            Map<String, String> ids = ids(f, 3);
            for (var e : pages.entrySet()) awaitReceiving(e.getKey(), e.getValue(), 3);
            Browser.screenshot(bo, "sfu-cluster-bo");
            Set<Integer> janusPorts = Namespace.janusPorts();
            for (var e : pages.entrySet()) {
                for (Map<String, Object> route : routes(e.getValue())) {
                    int port = Integer.parseInt(((String) route.get("remote")).replaceAll(".*:", ""));
                    assertTrue(janusPorts.contains(port), e.getKey() + "'s route ends at Janus " + janusPorts + ", not elsewhere: " + route);
                }
            }

            // Muted on A, enforced on B's publisher: every receiver, on A and on B, hears nothing.
            bo.evaluate("() => { window.__ignoreMute = true; }");
            f.click("text=Actions for Bo");
            f.click("text=Mute Bo");
            awaitSilence(pages, ids.get("Bo"), sentAt(f, "mute"), "a mute decided on the other instance");
            assertTrue(sentAudioGrows(bo), "Bo's page ignored the mute and kept sending audio");
            f.click("text=Actions for Bo");
            f.click("text=Ask Bo to unmute");
            bo.click("button:has-text('Unmute')");
            awaitSound(pages, ids.get("Bo"), "unmute");

            // Removed on A: Cy, on B, reaches nobody and receives nothing, whatever her page does.
            pages.remove("Cy (B)");
            removeAndAssertCutOff(f, pages, cy, "Cy", ids.get("Cy"));
        }
    }
}
