package org.circle.testing;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Janus that ops/sfu/netns-run.sh started in the test's namespace, for a test that kills it
 * and starts it again (as a crash and a supervisor's restart would). The new one is a child of the
 * test's JVM, in the same namespace, so the namespace's end ends it too.
 */
public final class JanusProcess {

    private static final int PORT = 8188;

    private JanusProcess() { }

    /** Kills Janus as a crash would (SIGKILL), by the process id that holds its WebSocket port. */
    public static void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle janus = ProcessHandle.of(pid).orElseThrow();
        janus.destroyForcibly();
        janus.onExit().join();
        while (answers()) Thread.sleep(50);
    }

    /** Starts Janus again with the namespace's configuration, and returns once it takes connections. */
    public static void start() throws IOException, InterruptedException {
        Path config = Path.of(System.getenv("CIRCLE_NETNS_JANUS_CONFIG"));
        Path log = Path.of(System.getenv("CIRCLE_NETNS_JANUS_LOG"));
        new ProcessBuilder("/usr/bin/janus", "-C", config.toString(), "-F", config.getParent().toString(), "-o", "-D")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString()))).start();
        while (!answers()) Thread.sleep(50);
    }

    private static boolean answers() {
        try (Socket ignored = new Socket("127.0.0.1", PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long pid() throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Htlnp", "sport = :" + PORT).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes());
        ss.waitFor();
        Matcher m = Pattern.compile("\"janus\",pid=(\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("no Janus holds port " + PORT + ": " + out);
        return Long.parseLong(m.group(1));
    }
}
