package org.circle.testing;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
