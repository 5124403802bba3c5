package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What people's pages in an SFU session receive, read from their connections' statistics
 * (sfu-instrumentation.js): decoded frames, audio bytes and the energy played, per publisher.
 * Shared by the SFU browser tests, which measure at the receivers, never at the flag the server set.
 */
final class SfuPages {

    private SfuPages() { }

    /** Participant ids by display name, from the facilitator's view of the roster. */
    @SuppressWarnings("unchecked")
    static Map<String, String> ids(Page f, int admitted) {
        f.waitForFunction("n => document.querySelectorAll('.people li').length === n", admitted);
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) f.evaluate("() => window.__roster()")) {
            ids.put((String) p.get("displayName"), (String) p.get("id"));
        }
        return ids;
    }

    /** When the facilitator's page sent its last frame of that type (epoch ms; same machine, same clock). */
    static long sentAt(Page page, String type) {
        return ((Number) page.evaluate("t => window.__sent[t]", type)).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> routes(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.__routes()");
    }

    static List<Map<String, Object>> subscriptions(Page page) {
        return routes(page).stream().filter(r -> "subscriber".equals(r.get("role"))).toList();
    }

    /** Waits until the page decodes video and hears audio from {@code publishers} others. */
    static void awaitReceiving(String name, Page page, int publishers) throws InterruptedException {
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
    static void awaitSilence(Map<String, Page> pages, String participant, long since, String what) throws InterruptedException {
        Thread.sleep(Math.max(0, since + 1_000 - System.currentTimeMillis()));
        Map<String, Double> bytesAtOneSecond = audioFrom(pages, participant, "audioBytes");
        Thread.sleep(Math.max(0, since + 1_500 - System.currentTimeMillis()));
        Map<String, Double> energyAtOneAndAHalf = audioFrom(pages, participant, "energy");
        Thread.sleep(1_500);
        Map<String, Double> bytesLater = audioFrom(pages, participant, "audioBytes");
        Map<String, Double> energyLater = audioFrom(pages, participant, "energy");
        System.out.println(what + ": audio bytes " + bytesAtOneSecond + " -> " + bytesLater + ", energy " + energyAtOneAndAHalf + " -> " + energyLater);
        for (var e : bytesLater.entrySet()) {
            assertEquals(bytesAtOneSecond.get(e.getKey()), e.getValue(), 0.0, e.getKey() + " still receives " + participant + "'s audio a second after " + what);
            double growth = energyLater.get(e.getKey()) - energyAtOneAndAHalf.get(e.getKey());
            assertTrue(growth < 1e-4, e.getKey() + " still hears " + participant + " 1.5 s after " + what + ": energy grew by " + growth);
        }
    }

    static void awaitSound(Map<String, Page> pages, String participant, String what) throws InterruptedException {
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

    static Map<String, Double> energyFrom(Map<String, Page> pages, String participant) {
        return audioFrom(pages, participant, "energy");
    }

    static Map<String, Double> audioFrom(Map<String, Page> pages, String participant, String measure) {
        Map<String, Double> out = new HashMap<>();
        pages.forEach((name, p) -> {
            if (participant.equals(p.evaluate("() => window.__me()"))) return;
            subscriptions(p).stream().filter(r -> participant.equals(r.get("from"))).findFirst()
                    .ifPresent(r -> out.put(name, number(r, measure)));
        });
        return out;
    }

    static Map<String, Long> framesFrom(Map<String, Page> pages, String participant) {
        Map<String, Long> out = new HashMap<>();
        pages.forEach((name, p) -> out.put(name, subscriptions(p).stream().filter(r -> participant.equals(r.get("from")))
                .mapToLong(r -> (long) number(r, "frames")).sum()));
        return out;
    }

    static double decodedTotal(Page page) {
        return subscriptions(page).stream().mapToDouble(r -> number(r, "frames")).sum();
    }

    static boolean sentAudioGrows(Page page) throws InterruptedException {
        double before = routes(page).stream().filter(r -> "publisher".equals(r.get("role"))).mapToDouble(r -> number(r, "sentAudio")).sum();
        Thread.sleep(600);
        double after = routes(page).stream().filter(r -> "publisher".equals(r.get("role"))).mapToDouble(r -> number(r, "sentAudio")).sum();
        return after > before;
    }

    static double number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * Removes {@code name} through the facilitator's console while their page keeps its
     * connections open, and proves at the pages that they reach nobody and receive nothing a
     * second after the click: the frames decoded from them, and by them, stop growing.
     */
    static void removeAndAssertCutOff(Page f, Map<String, Page> others, Page removed, String name, String id) throws InterruptedException {
        removed.evaluate("() => { window.__ignoreClose = true; }");
        Map<String, Long> before = framesFrom(others, id);
        double received = decodedTotal(removed);
        f.click("text=Actions for " + name); // the person's menu on their tile
        f.click("text=Remove " + name);
        f.click("#remove-dialog button[value=remove]"); // removal asks first, in a dialog with a reason
        Thread.sleep(1_000);
        Map<String, Long> atOneSecond = framesFrom(others, id);
        double receivedAtOneSecond = decodedTotal(removed);
        Thread.sleep(1_500);
        assertEquals(atOneSecond, framesFrom(others, id), "nobody decodes " + name + "'s video a second after removal (before: " + before + ")");
        assertEquals(receivedAtOneSecond, decodedTotal(removed), 0.0, name + " decodes nothing a second after removal (before: " + received + ")");
        assertTrue(received > 0, name + " had been receiving before the removal");
    }
}
