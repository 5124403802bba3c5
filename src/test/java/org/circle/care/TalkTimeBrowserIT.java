package org.circle.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Talk time as a facilitator sees it, from real pages measuring real microphones: Ann's fake
 * microphone beeps and Bo's plays silence, both unmuted in the same room. The console counts Ann's
 * time and not Bo's; Ann's count does not fall back when someone else starts or stops speaking;
 * a mute stops Ann's count although her microphone goes on beeping; the attendance afterwards
 * keeps it; no member's page ever receives anyone's talk time.
 */
@ExtendWith(CircleServer.class)
class TalkTimeBrowserIT {

    @Test
    void theConsoleCountsWhoIsHeardAndNobodyElseSeesIt(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        Path silence = silentWav();
        try (Browser browser = new Browser(); Browser quiet = new Browser(List.of("--use-file-for-fake-audio-capture=" + silence))) {
            Page f = s.facilitatorPage(browser);
            Page ann = s.waitingMember(browser, "Ann");
            Page bo = s.waitingMember(quiet, "Bo");
            List<String> heardByMembers = new CopyOnWriteArrayList<>();
            for (Page member : List.of(ann, bo)) {
                member.onWebSocket(ws -> ws.onFrameReceived(frame -> {
                    if (frame.text() != null && frame.text().contains("talk.time")) heardByMembers.add(frame.text());
                }));
            }
            f.click("text=Admit Ann");
            ann.waitForSelector("#session:not([hidden])");
            f.click("text=Admit Bo");
            bo.waitForSelector("#session:not([hidden])");
            for (Page member : List.of(ann, bo)) member.waitForSelector(".mic:has-text('Mute microphone')");

            long started = System.currentTimeMillis();
            f.waitForFunction("() => Number([...document.querySelectorAll('.talk-time tbody tr')].find(tr => tr.cells[0].textContent === 'Ann')"
                    + "?.querySelector('.talk-seconds').dataset.seconds) >= 6", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            double elapsed = (System.currentTimeMillis() - started) / 1000.0;
            Browser.screenshot(f, "talk-time-console");
            assertEquals(0, seconds(f, "Bo"), "Bo's microphone is on but silent: he has not been heard (after " + elapsed + " s)");
            assertEquals("speaking", f.textContent(".talk-time tr:has(th:text-is('Ann')) .talk-now"), "Ann shows as speaking now");

            // Cy (on a bare socket) comes in and speaks up while Ann goes on: every change of anyone's
            // figures reaches the console, and Ann's count must go on from where it was, not fall back
            // to the stretches she has already finished. (One second less is a stretch just ended.)
            int beforeCy = seconds(f, "Ann");
            try (Ws cy = new Ws(circle.process().baseUrl())) {
                cy.send(Ws.hello(s.memberTicket(s.member("Cy"))));
                f.click("text=Admit Cy");
                cy.await("admitted");
                assertEquals("ack", cy.call("self.media", "audio", true).getString("type"));
                assertEquals("ack", cy.call("speaking", "active", true).getString("type"));
                awaitSpeaking(f, "Cy", true);
                assertTrue(seconds(f, "Ann") >= beforeCy - 1, "Ann's count went back from " + beforeCy + " to " + seconds(f, "Ann") + " when Cy spoke");
                assertEquals("ack", cy.call("speaking", "active", false).getString("type"));
                awaitSpeaking(f, "Cy", false);
                assertTrue(seconds(f, "Ann") >= beforeCy - 1, "Ann's count went back from " + beforeCy + " to " + seconds(f, "Ann") + " when Cy stopped");
                assertTrue(cy.drain(0).stream().noneMatch(fr -> fr.getString("type").equals("talk.time")), "a member's socket heard talk time");
            }

            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Mute Ann");
            ann.waitForSelector(".mic:has-text('Unmute microphone')");
            Thread.sleep(1_500);
            int atMute = seconds(f, "Ann");
            Thread.sleep(4_000);
            assertEquals(atMute, seconds(f, "Ann"), "muted, Ann's beeps reach nobody and count nothing");

            f.onDialog(d -> d.accept());
            f.click("#end");
            f.waitForSelector("#attendance:not([hidden])");
            String annRow = f.textContent(".attendance tr:has-text('Ann')");
            int talked = Integer.parseInt(f.textContent(".attendance tr:has-text('Ann') td:last-child").trim());
            assertTrue(talked >= 6 && talked <= atMute + 1, "the attendance keeps Ann's talk time: " + annRow);
            assertEquals("0", f.textContent(".attendance tr:has-text('Bo') td:last-child").trim());
            assertTrue(heardByMembers.isEmpty(), "members never receive talk time: " + heardByMembers);
            assertEquals(0, ann.locator(".talk-time").count(), "the member's page has no talk time at all");
        }
    }

    /** Until the console's "speaking now" column says so for this person. */
    private static void awaitSpeaking(Page f, String name, boolean speaking) {
        f.waitForFunction("([name, speaking]) => [...document.querySelectorAll('.talk-time tbody tr')].some(tr => tr.cells[0].textContent === name"
                + " && (tr.querySelector('.talk-now').textContent === 'speaking') === speaking)", List.of(name, speaking));
    }

    private static int seconds(Page f, String name) {
        return Integer.parseInt(f.getAttribute(".talk-time tr:has(th:text-is('" + name + "')) .talk-seconds", "data-seconds"));
    }

    /** Five seconds of digital silence, 16-bit mono PCM at 48 kHz: what Bo's microphone hears (Chromium loops it). */
    private static Path silentWav() throws IOException {
        int rate = 48_000, samples = rate * 5, data = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        Path file = CircleProcess.outputDir().resolve("silence.wav");
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
        return file;
    }
}
