package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;

/**
 * Screen sharing in an SFU session through a real Janus, inside the throwaway network namespace:
 * the share is a publisher of its own ({@code media.publish {source: screen}}) that every member
 * subscribes to (see {@link ScreenSharing}); that publish is refused without the floor too.
 */
class SfuScreenShareBrowserIT {

    @Test
    void aSharedScreenReachesEveryoneThroughJanusAndEndsWithTheFloor() throws Exception {
        String janus = Namespace.requireJanus();
        Circle circle = CircleServer.standalone("sfu-screen", Map.of("CIRCLE_JANUS_URL", janus));
        String[] instrumentation = {Setting.script("record-connections.js"), Setting.script("camera-4x3.js")};
        try (CircleProcess process = circle.process(); Browser browser = new Browser()) {
            Setting s = new Setting(circle, "sfu");
            Page f = s.facilitatorPage(browser, instrumentation);
            Map<String, Page> members = new LinkedHashMap<>();
            for (String name : List.of("Ann", "Bo", "Cy")) members.put(name, s.waitingMember(browser, name, instrumentation));
            members.forEach((name, p) -> p.onConsoleMessage(m -> { if (m.type().equals("warning")) System.out.println("[" + name + "] " + m.text()); }));
            for (String name : members.keySet()) {
                f.click("text=Admit " + name);
                members.get(name).waitForSelector("#session:not([hidden])");
            }
            Page ann = members.get("Ann");
            String offer = (String) ann.evaluate("async () => { const pc = new RTCPeerConnection(); pc.addTransceiver('video');"
                    + " const o = await pc.createOffer(); pc.close(); return o.sdp; }");
            Map<?, ?> refused = ScreenSharing.frame(ann, org.circle.testing.Http.json("type", "media.publish", "ref", "screen-0",
                    "source", "screen", "sdp", offer).toString());
            assertEquals("NOT_YOUR_TURN", refused.get("code"), "publishing a screen without the floor is refused: " + refused);
            ScreenSharing.prove(f, members);
        }
    }
}
