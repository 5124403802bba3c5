package org.circle.bench;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long from the facilitator's admit to the first decoded remote video frame on the admitted
 * member's page, in headless Chromium on loopback (mesh). Ten runs; prints median and max and
 * writes them to target/bench/admit-to-first-frame.txt. Run: mvn -Pbench verify
 */
@ExtendWith(CircleServer.class)
class AdmitToFirstFrameBench {

    private static final int RUNS = 10;

    @Test
    void measure(Circle circle) throws Exception {
        String instrumentation = Setting.script("record-connections.js");
        List<Long> millis = new ArrayList<>();
        try (Browser browser = new Browser()) {
            for (int run = 0; run < RUNS; run++) {
                Setting s = new Setting(circle);
                var f = s.connect(s.facilitatorTicket());
                Page member = s.waitingMember(browser, "Member " + run, instrumentation);
                String id = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                        .getJsonArray("waiting").getJsonObject(0).getString("id");
                // The facilitator here is a plain socket that answers offers with a second page's
                // media: the member's page offers to every admitted person, so a second browser
                // page stands in for the facilitator's media.
                Page peer = s.waitingMember(browser, "Peer " + run, instrumentation);
                String peerId = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 2)
                        .getJsonArray("waiting").getJsonObject(1).getString("id");
                f.call("admit", "participant", peerId);
                peer.waitForSelector("#session:not([hidden])");
                long start = System.nanoTime();
                f.call("admit", "participant", id);
                member.waitForFunction("async () => (await window.__media()).some(m => m.video > 0)", null,
                        new Page.WaitForFunctionOptions().setPollingInterval(10).setTimeout(20_000));
                millis.add((System.nanoTime() - start) / 1_000_000);
                member.context().close();
                peer.context().close();
                f.call("session.end");
            }
        }
        Collections.sort(millis);
        long median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
        String report = "admit -> first decoded remote frame (mesh, headless Chromium, loopback, " + RUNS + " runs): median "
                + median + " ms, max " + millis.get(RUNS - 1) + " ms, all " + millis;
        System.out.println(report);
        Path out = Path.of("target/bench/admit-to-first-frame.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }
}
