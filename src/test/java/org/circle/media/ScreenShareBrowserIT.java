package org.circle.media;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
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
 * Screen sharing in a mesh session: a second video track in every connection (see {@link ScreenSharing}),
 * inside the throwaway network namespace (Failsafe's sfu-browser execution), over its veth pair.
 */
@ExtendWith(NamespaceServer.class)
class ScreenShareBrowserIT {

    @Test
    void aSharedScreenReachesEveryoneAndEndsWithTheFloor(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String[] instrumentation = {Setting.script("record-connections.js"), Setting.script("camera-4x3.js")};
        try (Browser browser = new Browser()) {
            Page f = s.facilitatorPage(browser, instrumentation);
            Map<String, Page> members = new LinkedHashMap<>();
            for (String name : List.of("Ann", "Bo")) members.put(name, s.waitingMember(browser, name, instrumentation));
            members.forEach((name, p) -> p.onConsoleMessage(m -> { if (m.type().equals("warning")) System.out.println("[" + name + "] " + m.text()); }));
            for (String name : members.keySet()) {
                f.click("text=Admit " + name);
                members.get(name).waitForSelector("#session:not([hidden])");
            }
            ScreenSharing.prove(f, members);
            Namespace.assertRoutesInside(f);
        }
    }
}
