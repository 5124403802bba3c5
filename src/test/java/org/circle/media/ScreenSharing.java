package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.Map;

/**
 * The screen-sharing journey, the same in mesh and SFU sessions, proven by what each page shows:
 * a shared screen is a picture of its own, large, decoding new frames, with the fake screen's
 * 16:9 shape where the fake camera is 4:3, so it cannot be the camera shown twice. A facilitator
 * shares; a member without the floor is refused on the wire and offered no button; with the floor
 * they share, and taking the floor back ends their share at every page.
 */
final class ScreenSharing {

    private ScreenSharing() { }

    /** {@code members}: admitted members' pages by display name, at least two. */
    static void prove(Page facilitator, Map<String, Page> members) throws InterruptedException {
        String host = facilitatorName(members.values().iterator().next());
        facilitator.click("#live .controls .share");
        for (var e : members.entrySet()) awaitScreen(e.getKey(), e.getValue(), host);
        org.circle.testing.Browser.screenshot(members.values().iterator().next(), "screen-share-facilitator");

        var it = members.entrySet().iterator();
        var first = it.next();
        String ann = first.getKey();
        Page annPage = first.getValue();
        assertTrue(annPage.locator("#session .controls .share").isHidden(), "no Share screen button without the floor");
        Map<?, ?> refused = frame(annPage, "{\"type\":\"self.media\",\"ref\":\"screen-1\",\"screen\":true}");
        assertEquals("NOT_YOUR_TURN", refused.get("code"), "a member without the floor is refused: " + refused);

        facilitator.click("text=Actions for " + ann); // the person's menu on their tile
        facilitator.click("text=Give " + ann + " the floor");
        annPage.click("#session .controls .share");
        awaitScreen("facilitator", facilitator, ann);
        for (var e : members.entrySet()) if (!e.getKey().equals(ann)) awaitScreen(e.getKey(), e.getValue(), ann);
        org.circle.testing.Browser.screenshot(facilitator, "screen-share-two-screens");

        facilitator.click("#floor-revoke");
        facilitator.waitForFunction(GONE, ann);
        for (var e : members.entrySet()) if (!e.getKey().equals(ann)) e.getValue().waitForFunction(GONE, ann);
        annPage.waitForFunction("() => document.querySelector('#session .controls .share').hidden");
        assertTrue(annPage.textContent("#session .notice").contains("no longer shared"), "Ann is told why her share ended");

        facilitator.click("#live .controls .share"); // Stop sharing
        for (Page p : members.values()) p.waitForFunction(GONE, host);
    }

    /** Sends a raw frame on the page's own socket and returns the server's answer to it. */
    static Map<?, ?> frame(Page page, String json) {
        return (Map<?, ?>) page.evaluate("""
                json => new Promise((resolve) => {
                  const ws = window.__sockets[window.__sockets.length - 1];
                  const ref = JSON.parse(json).ref;
                  const hear = (m) => { const f = JSON.parse(m.data); if (f.ref === ref) { ws.removeEventListener('message', hear); resolve(f); } };
                  ws.addEventListener('message', hear);
                  ws.send(json);
                })""", json);
    }

    private static final String GONE = "n => ![...document.querySelectorAll('.screens .screen-tile figcaption')].some(c => c.textContent === `${n}'s screen`)";

    private static final String SHOWN = """
            ([n, screen]) => {
              const tiles = screen ? [...document.querySelectorAll('.screens:not([hidden]) .screen-tile')] : [...document.querySelectorAll('.grid .tile')];
              const tile = tiles.find((t) => screen ? t.querySelector('figcaption').textContent === `${n}'s screen`
                                                    : t.querySelector('figcaption').textContent.split(' · ')[0] === n);
              if (!tile) return null;
              const v = tile.querySelector('video');
              return { w: v.videoWidth, h: v.videoHeight, frames: v.getVideoPlaybackQuality().totalVideoFrames };
            }""";

    /** Waits until {@code page} shows {@code sharer}'s screen decoding new frames, shaped as a screen and not as their camera. */
    private static void awaitScreen(String viewer, Page page, String sharer) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000; // generous: the machine is shared
        Map<?, ?> screen = null;
        while (System.currentTimeMillis() < deadline) {
            screen = shown(page, sharer, true);
            // The camera's picture too: a page that has not decoded it yet would have no shape to compare.
            if (screen != null && number(screen, "frames") > 0 && number(screen, "h") > 0 && number(shown(page, sharer, false), "h") > 0) break;
            Thread.sleep(300);
        }
        assertTrue(screen != null && number(screen, "frames") > 0, viewer + " shows " + sharer + "'s screen: " + screen);
        double framesBefore = number(screen, "frames");
        Thread.sleep(1_000);
        screen = shown(page, sharer, true);
        assertTrue(number(screen, "frames") > framesBefore, viewer + " decodes new frames of " + sharer + "'s screen: " + framesBefore + " -> " + screen);
        Map<?, ?> camera = shown(page, sharer, false);
        double screenShape = number(screen, "w") / number(screen, "h");
        double cameraShape = number(camera, "w") / number(camera, "h");
        assertTrue(screenShape > 1.7, viewer + " sees a 16:9 screen from " + sharer + ": " + screen);
        assertTrue(cameraShape < 1.4, viewer + " still sees " + sharer + "'s 4:3 camera beside it: " + camera);
        assertFalse(Double.isNaN(cameraShape));
    }

    private static Map<?, ?> shown(Page page, String who, boolean screen) {
        return (Map<?, ?>) page.evaluate(SHOWN, java.util.List.of(who, screen));
    }

    /** The facilitator's name as a member's page shows it on their tile. */
    private static String facilitatorName(Page member) {
        return ((String) member.evaluate("() => [...document.querySelectorAll('.grid .tile figcaption')].map(c => c.textContent)"
                + ".find(t => t.includes(' · Facilitator'))")).split(" · ")[0];
    }

    private static double number(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
