package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
            Map<String, String> ids = ids(f);

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
            bo.evaluate("() => { window.__ignoreClose = true; }");
            Map<String, Long> boBefore = framesFrom(pages, ids.get("Bo"));
            double boReceived = decodedTotal(bo);
            f.onDialog(d -> d.accept());
            f.click("text=Actions for Bo"); // the person's menu on their tile
            f.click("text=Remove Bo");
            f.click("#remove-dialog button[value=remove]"); // removal asks first, now in a dialog with a reason
            Thread.sleep(1_000);
            Map<String, Long> boAtOneSecond = framesFrom(pages, ids.get("Bo"));
            double boReceivedAtOneSecond = decodedTotal(bo);
            Thread.sleep(1_500);
            assertEquals(boAtOneSecond, framesFrom(pages, ids.get("Bo")), "nobody decodes Bo's video a second after removal (before: " + boBefore + ")");
            assertEquals(boReceivedAtOneSecond, decodedTotal(bo), 0.0, "Bo decodes nothing a second after removal (before: " + boReceived + ")");
        }
    }

    /** Participant ids by display name, from the facilitator's view of the roster. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> ids(Page f) {
        f.waitForFunction("() => document.querySelectorAll('.people li').length === 3");
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) f.evaluate("() => window.__roster()")) {
            ids.put((String) p.get("displayName"), (String) p.get("id"));
        }
        return ids;
    }

    /** When the facilitator's page sent its last frame of that type (epoch ms; same machine, same clock). */
    private static long sentAt(Page page, String type) {
        return ((Number) page.evaluate("t => window.__sent[t]", type)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> routes(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.__routes()");
    }

    private static List<Map<String, Object>> subscriptions(Page page) {
        return routes(page).stream().filter(r -> "subscriber".equals(r.get("role"))).toList();
    }

    /** Waits until the page decodes video and hears audio from {@code publishers} others. */
    private static void awaitReceiving(String name, Page page, int publishers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000; // generous: the machine is shared
        List<Map<String, Object>> subs = List.of();
        while (System.currentTimeMillis() < deadline) {
            subs = subscriptions(page);
            Predicate<Map<String, Object>> flowing = r -> number(r, "frames") > 0 && number(r, "energy") > 0 && r.get("remote") != null;
            if (subs.size() == publishers && subs.stream().allMatch(flowing)) return;
            Thread.sleep(300);
        }
        throw new AssertionError(name + " expected video and audio from " + publishers + " publishers, got " + subs);
    }

    /**
     * At every receiver: no audio packet from {@code participant} arrives a second after the
     * command left the facilitator's page (the wire), and what the receiver plays from them has no
     * energy after the decoder's concealment of the last packets has faded (half a second more).
     */
    private static void awaitSilence(Map<String, Page> pages, String participant, long since, String what) throws InterruptedException {
        Thread.sleep(Math.max(0, since + 1_000 - System.currentTimeMillis()));
        Map<String, Double> bytesAtOneSecond = audioFrom(pages, participant, "audioBytes");
        Thread.sleep(Math.max(0, since + 1_500 - System.currentTimeMillis()));
        Map<String, Double> energyAtOneAndAHalf = audioFrom(pages, participant, "energy");
        Thread.sleep(1_500);
        Map<String, Double> bytesLater = audioFrom(pages, participant, "audioBytes");
        Map<String, Double> energyLater = audioFrom(pages, participant, "energy");
        System.out.println(what + ": audio bytes " + bytesAtOneSecond + " -> " + bytesLater + ", energy " + energyAtOneAndAHalf + " -> " + energyLater);
        for (var e : bytesLater.entrySet()) {
            assertEquals(bytesAtOneSecond.get(e.getKey()), e.getValue(), 0.0, e.getKey() + " still receives Ann's audio a second after " + what);
            double growth = energyLater.get(e.getKey()) - energyAtOneAndAHalf.get(e.getKey());
            assertTrue(growth < 1e-4, e.getKey() + " still hears Ann 1.5 s after " + what + ": energy grew by " + growth);
        }
    }

    private static void awaitSound(Map<String, Page> pages, String participant, String what) throws InterruptedException {
        Map<String, Double> before = energyFrom(pages, participant);
        long deadline = System.currentTimeMillis() + 10_000; // a receiver's decoder may need a moment after a long gap
        Map<String, Double> now = before;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            now = energyFrom(pages, participant);
            boolean all = true;
            for (var e : now.entrySet()) all &= e.getValue() - before.get(e.getKey()) > 1e-3;
            if (all) return;
        }
        throw new AssertionError("not audible again everywhere after " + what + ": " + before + " -> " + now);
    }

    private static Map<String, Double> energyFrom(Map<String, Page> pages, String participant) {
        return audioFrom(pages, participant, "energy");
    }

    private static Map<String, Double> audioFrom(Map<String, Page> pages, String participant, String measure) {
        Map<String, Double> out = new HashMap<>();
        pages.forEach((name, p) -> {
            if (participant.equals(p.evaluate("() => window.__me()"))) return;
            subscriptions(p).stream().filter(r -> participant.equals(r.get("from"))).findFirst()
                    .ifPresent(r -> out.put(name, number(r, measure)));
        });
        return out;
    }

    private static Map<String, Long> framesFrom(Map<String, Page> pages, String participant) {
        Map<String, Long> out = new HashMap<>();
        pages.forEach((name, p) -> out.put(name, subscriptions(p).stream().filter(r -> participant.equals(r.get("from")))
                .mapToLong(r -> (long) number(r, "frames")).sum()));
        return out;
    }

    private static double decodedTotal(Page page) {
        return subscriptions(page).stream().mapToDouble(r -> number(r, "frames")).sum();
    }

    private static boolean sentAudioGrows(Page page) throws InterruptedException {
        double before = routes(page).stream().filter(r -> "publisher".equals(r.get("role"))).mapToDouble(r -> number(r, "sentAudio")).sum();
        Thread.sleep(600);
        double after = routes(page).stream().filter(r -> "publisher".equals(r.get("role"))).mapToDouble(r -> number(r, "sentAudio")).sum();
        return after > before;
    }

    private static double number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
