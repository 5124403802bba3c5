package org.circle.media;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one person hears and sees of another, measured in their page (src/test/resources/listen.js):
 * the sound energy their browser played from that tile's audio (getStats {@code totalAudioEnergy},
 * counted only for what is played out), the peak level an AudioContext analyser reads from the
 * stream the tile's {@code <audio>} plays, and the video frames decoded. The analyser is fed the
 * element's stream, not the element: capturing the element ({@code captureStream}) ended the remote
 * tracks and silenced a speaker who unmuted, which once looked like a bug in the page. Every wait is
 * bounded; none states how fast anything must be.
 */
final class Listening {

    /** Energy of about a tenth of a second of the fake microphone's beep; silence adds nothing. */
    static final double HEARD_ENERGY = 0.001;
    /** Peak sample level of the fake microphone's beep is about 1; silence stays near 0. */
    static final double HEARD_LEVEL = 0.1;
    private static final long PATIENCE_MS = 45_000;
    private static final long QUIET_WINDOW_MS = 4_000;

    private Listening() { }

    record Tile(boolean present, boolean playing, double energy, double samples, double level, double frames) { }

    record Sent(double audioPackets, double videoFrames) { }

    @SuppressWarnings("unchecked")
    static Tile tile(Page listener, String speaker) {
        Map<String, Object> m = (Map<String, Object>) listener.evaluate("name => window.__tile(name)", speaker);
        return new Tile((Boolean) m.get("present"), (Boolean) m.get("playing"), num(m, "energy"), num(m, "samples"), num(m, "level"),
                num(m, "frames"));
    }

    @SuppressWarnings("unchecked")
    static Sent sent(Page page) {
        Map<String, Object> m = (Map<String, Object>) page.evaluate("() => window.__sent()");
        return new Sent(num(m, "audioPackets"), num(m, "videoFrames"));
    }

    /** The listener's page plays the speaker's sound: the energy played out grows and the analyser hears the beep. */
    static void hears(Page listener, String speaker, String who) {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        Tile first = tile(listener, speaker);
        Tile now = first;
        double peak = 0;
        while (System.currentTimeMillis() < deadline) {
            pause(500);
            now = tile(listener, speaker);
            peak = Math.max(peak, now.level());
            if (now.energy() - first.energy() > HEARD_ENERGY && peak > HEARD_LEVEL) return;
            if (now.energy() < first.energy()) first = now; // a new connection counts from zero again
        }
        throw new AssertionError(who + " does not hear " + speaker + ": from " + first + " to " + now + ", analyser peak " + peak + "\n" + debug(listener)
                + speakerDebug(listener, speaker));
    }

    /** The listener hears nothing from the speaker for a while, though the connection is alive (frames arrive). */
    static void silent(Page listener, String speaker, String who, boolean cameraOn) {
        silentToAll(Map.of(who, listener), speaker, cameraOn);
    }

    /**
     * Every listener hears nothing from the speaker over one shared quiet window (watched in turn,
     * so four listeners cost one window, not four), though each connection is alive.
     */
    static void silentToAll(Map<String, Page> listeners, String speaker, boolean cameraOn) {
        pause(1_500); // the last packets before a mute play out
        Map<String, Tile> first = new LinkedHashMap<>();
        Map<String, Double> peak = new LinkedHashMap<>();
        listeners.forEach((who, page) -> { first.put(who, tile(page, speaker)); peak.put(who, 0.0); });
        long end = System.currentTimeMillis() + QUIET_WINDOW_MS;
        while (System.currentTimeMillis() < end) {
            pause(500);
            listeners.forEach((who, page) -> peak.merge(who, tile(page, speaker).level(), Math::max));
        }
        listeners.forEach((who, page) -> {
            Tile last = tile(page, speaker), before = first.get(who);
            if (last.energy() - before.energy() > HEARD_ENERGY / 10 || peak.get(who) > HEARD_LEVEL / 2) {
                throw new AssertionError(who + " hears " + speaker + ", who should be muted: from " + before + " to " + last
                        + ", analyser peak " + peak.get(who));
            }
            if (cameraOn && last.frames() <= before.frames()) {
                throw new AssertionError(who + "'s connection to " + speaker + " is not alive, so silence proves nothing: " + last);
            }
        });
    }

    /** The listener's tile of the speaker decodes new video frames. */
    static void sees(Page listener, String speaker, String who) {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        Tile first = tile(listener, speaker);
        Tile now = first;
        while (System.currentTimeMillis() < deadline) {
            pause(500);
            now = tile(listener, speaker);
            if (now.frames() > first.frames() + 5) return;
            if (now.frames() < first.frames()) first = now;
        }
        throw new AssertionError(who + " does not see " + speaker + ": " + first + " then " + now + "\n" + debug(listener));
    }

    /** The speaker's camera sends nothing and no listener decodes a new frame from it, over one shared window. */
    static void seesNothing(Map<String, Page> listeners, Page speakerPage, String speaker) {
        pause(1_500);
        Map<String, Tile> first = new LinkedHashMap<>();
        listeners.forEach((who, page) -> first.put(who, tile(page, speaker)));
        Sent sentFirst = sent(speakerPage);
        pause(QUIET_WINDOW_MS);
        Sent sentLast = sent(speakerPage);
        listeners.forEach((who, page) -> {
            Tile last = tile(page, speaker);
            if (last.frames() > first.get(who).frames() || sentLast.videoFrames() > sentFirst.videoFrames()) {
                throw new AssertionError(speaker + "'s camera should be off, yet " + who + " decoded " + (last.frames() - first.get(who).frames())
                        + " frames and " + speaker + " sent " + (sentLast.videoFrames() - sentFirst.videoFrames()));
            }
        });
    }

    /** The page sends no audio packet to anyone for a while. */
    static void sendsNoSound(Page page, String who) {
        pause(1_500);
        Sent first = sent(page);
        pause(QUIET_WINDOW_MS);
        Sent last = sent(page);
        if (last.audioPackets() > first.audioPackets()) {
            throw new AssertionError(who + " is muted yet sent " + (last.audioPackets() - first.audioPackets()) + " audio packets");
        }
    }

    /** The speaker's own page, when the test registered it: what it sends, seen from there. */
    static final Map<String, Page> SPEAKERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String speakerDebug(Page listener, String speaker) {
        Page page = SPEAKERS.get(speaker);
        return page == null || page == listener ? "" : "\n--- " + speaker + "'s page:\n" + debug(page);
    }

    static String debug(Page page) {
        return String.valueOf(page.evaluate("() => window.__debug()"));
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
