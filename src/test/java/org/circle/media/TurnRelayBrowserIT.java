package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Coturn;
import org.circle.testing.Namespace;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * TURN with time-limited credentials, proven with Debian's coturn inside the throwaway network
 * namespace (Failsafe's sfu-browser execution), relaying on the namespace's veth address. Circle hands each
 * connection its own TURN REST credential, two Chromium pages allowed nothing but relayed
 * candidates see each other's video through coturn, and when coturn's secret is not Circle's, no
 * relay is granted and no media flows.
 */
class TurnRelayBrowserIT {

    private static final String SECRET = "turn-secret-" + System.nanoTime();

    @Test
    void mediaFlowsThroughCoturnOnlyWithTheSharedSecret() throws Exception {
        String address = Namespace.requireAddress();
        int turnPort = CircleProcess.freePort();
        String turnUrl = "turn:" + address + ":" + turnPort + "?transport=udp";
        Circle circle = CircleServer.standalone("turn", Map.of("CIRCLE_TURN_URLS", turnUrl, "CIRCLE_TURN_SECRET", SECRET));
        try (CircleProcess process = circle.process(); Browser browser = new Browser()) {
            credentialsAreIssuedPerConnection(circle, turnUrl);
            try (Coturn coturn = new Coturn(SECRET, turnPort, address)) {
                // Less than the 30 s after which mesh.js renews a stuck connection: the member's first
                // connection itself must relay (it used not to when offers crossed, see mesh.js #startOver).
                List<String> console = new ArrayList<>();
                List<Map<String, Object>> routes = meet(circle, browser, address, 25_000, true, console);
                String seen = routes + "\npage: " + console + "\ncoturn: " + allocations(coturn.log());
                for (Map<String, Object> route : routes) {
                    assertEquals("relay", route.get("local"), "the selected route is relayed: " + seen);
                    assertTrue(((Number) route.get("frames")).intValue() > 0, "video decoded through coturn: " + seen);
                }
                assertTrue(coturn.log().contains("ALLOCATE processed, success"), "coturn granted the allocations");
            }
            try (Coturn stranger = new Coturn("not-" + SECRET, turnPort, address)) {
                List<Map<String, Object>> routes = meet(circle, browser, address, 12_000, false, new ArrayList<>());
                for (Map<String, Object> route : routes) {
                    assertEquals(0, ((Number) route.get("relayCandidates")).intValue(), "no relay granted: " + routes);
                    assertEquals(0, ((Number) route.get("frames")).intValue(), "no media without a relay: " + routes);
                }
                assertFalse(stranger.log().contains("ALLOCATE processed, success"), "coturn refused every allocation");
            }
        }
    }

    private static void credentialsAreIssuedPerConnection(Circle circle, String turnUrl) {
        Setting s = new Setting(circle);
        String invitation = s.member("Ann");
        try (Ws first = new Ws(circle.process().baseUrl()); Ws second = new Ws(circle.process().baseUrl())) {
            first.send(Ws.hello(s.memberTicket(invitation)));
            second.send(Ws.hello(s.facilitatorTicket()));
            JsonObject a = first.await("welcome").getJsonArray("iceServers").getJsonObject(0);
            JsonObject b = second.await("welcome").getJsonArray("iceServers").getJsonObject(0);
            assertEquals(turnUrl, a.getJsonArray("urls").getString(0));
            long expiry = Long.parseLong(a.getString("username").split(":")[0]);
            long now = System.currentTimeMillis() / 1000;
            assertTrue(expiry > now && expiry <= now + 6 * 3600 + 5, "expires within the configured lifetime");
            assertFalse(a.getString("username").equals(b.getString("username")), "each connection has its own username");
            assertFalse(a.getString("credential").equals(b.getString("credential")), "and its own password");
            assertFalse(a.toString().contains(SECRET), "the shared secret never leaves the server");
        }
    }

    /** What coturn said about allocations and errors: enough to tell a refusal from a lost request. */
    private static String allocations(String log) {
        return log.lines().filter(l -> l.contains("ALLOCATE") || l.contains("rror")).limit(40).toList().toString();
    }

    /** A facilitator and one member meet through the real pages; returns the member's routes. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> meet(Circle circle, Browser browser, String address, long waitMillis, boolean expectMedia,
                                                  List<String> console)
            throws InterruptedException {
        Setting s = new Setting(circle);
        String forceRelay = Setting.script("force-relay.js"), record = Setting.script("record-connections.js");
        Page f = s.facilitatorPage(browser, forceRelay, record);
        Page ann = s.waitingMember(browser, "Ann", forceRelay, record);
        ann.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        f.click("text=Admit Ann");
        ann.waitForSelector("#session:not([hidden])");
        long deadline = System.currentTimeMillis() + waitMillis;
        List<Map<String, Object>> routes = List.of();
        while (System.currentTimeMillis() < deadline) {
            routes = (List<Map<String, Object>>) ann.evaluate("() => window.__routes()");
            boolean flowing = !routes.isEmpty() && routes.stream().allMatch(r -> ((Number) r.get("frames")).intValue() > 0);
            if (expectMedia && flowing) break;
            Thread.sleep(500);
        }
        String logs = "\nmember's connections: " + ann.evaluate("() => JSON.stringify(window.__pcLogs)")
                + "\nfacilitator's connections: " + f.evaluate("() => JSON.stringify(window.__pcLogs)");
        System.out.println("TURN meet: routes " + routes + logs);
        console.add(logs);
        assertEquals(1, routes.size(), "one open connection, to the facilitator: " + routes + logs);
        List<Map<String, Object>> configs = (List<Map<String, Object>>) ann.evaluate("() => window.__iceConfigs");
        assertTrue(configs.toString().contains(address + ":"), "the page was handed the TURN server: " + configs);
        ann.context().close();
        f.context().close();
        return routes;
    }
}
