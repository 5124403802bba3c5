package org.circle.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The throwaway network namespace of ops/sfu/netns-run.sh, seen from a test inside it: the Janus
 * that the script started, and which UDP ports are Janus's. Failsafe's sfu-browser execution runs
 * the *BrowserIT classes inside it (ops/sfu/jvm/bin/java); anywhere else these tests are skipped.
 */
public final class Namespace {

    private Namespace() { }

    /** Skips the test, saying why, unless it runs inside the namespace with Janus. */
    public static String requireJanus() {
        String url = System.getenv("CIRCLE_JANUS_URL");
        String why = System.getenv("CIRCLE_NETNS_UNAVAILABLE");
        Assumptions.assumeTrue(url != null && System.getenv("CIRCLE_NETNS_ADDRESS") != null,
                why != null ? "no network namespace here: " + why
                        : "runs inside ops/sfu/netns-run.sh (mvn verify does that as root; this run is outside it)");
        return url;
    }

    /** Skips the test, saying why, unless it runs inside the namespace; returns the namespace's own address (v0). */
    public static String requireAddress() {
        String address = System.getenv("CIRCLE_NETNS_ADDRESS");
        String why = System.getenv("CIRCLE_NETNS_UNAVAILABLE");
        Assumptions.assumeTrue(address != null, why != null ? "no network namespace here: " + why
                : "runs inside ops/sfu/netns-run.sh (mvn verify does that as root; this run is outside it)");
        return address;
    }

    /**
     * Fails unless every open connection of the page has a selected route whose ends are
     * addresses of the namespace's veth pair: the media of this test never crossed the machine's
     * own interface. Returns the routes checked ("local -> remote"), for a test's message.
     */
    @SuppressWarnings("unchecked")
    public static List<String> assertRoutesInside(Page page) {
        String subnet = requireAddress().replaceAll("\\.\\d+$", ".");
        List<String> routes = (List<String>) page.evaluate("async () => { const out = [];"
                + " for (const pc of window.__pcs) { if (pc.connectionState === 'closed') continue;"
                + "  const stats = await pc.getStats(); let pair = null;"
                + "  stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });"
                + "  const end = (id) => { const c = pair && stats.get(id); return c ? c.address + ':' + c.port : 'none'; };"
                + "  out.push(end(pair?.localCandidateId) + ' -> ' + end(pair?.remoteCandidateId)); }"
                + " return out; }");
        Assertions.assertFalse(routes.isEmpty(), "the page has open connections to check");
        for (String route : routes) {
            String[] ends = route.split(" -> ");
            // Chromium hides the address of a peer-reflexive remote candidate (":port"); the local end,
            // with no other interface and no route out of the namespace, already says where it runs.
            boolean inside = ends[0].startsWith(subnet) && (ends[1].startsWith(subnet) || ends[1].startsWith(":"));
            Assertions.assertTrue(inside, "every route stays on the namespace's veth pair (" + subnet + "x): " + routes);
        }
        return routes;
    }

    /** The UDP ports Janus holds now: where every SFU route of a browser must end. */
    public static Set<Integer> janusPorts() {
        try {
            Process ss = new ProcessBuilder("ss", "-Hunap").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes());
            ss.waitFor();
            Set<Integer> ports = new HashSet<>();
            Matcher m = Pattern.compile("\\S+:(\\d+)\\s+\\S+\\s+users:\\(\\(\"janus\"").matcher(out);
            while (m.find()) ports.add(Integer.parseInt(m.group(1)));
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
