package org.circle.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.BooleanSupplier;

/** Whether a media server's address takes a TCP connection, and the last answer kept for a while. */
final class MediaReach {

    private static final int TIMEOUT_MILLIS = 1_000;

    private MediaReach() { }

    static boolean answers(URI url) {
        int port = url.getPort() > 0 ? url.getPort()
                : "wss".equals(url.getScheme()) || "https".equals(url.getScheme()) ? 443 : 80;
        if (url.getHost() == null) return false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), TIMEOUT_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** One answer per {@code millis}: probes and scrapes in between get the last one. */
    static final class Cached {
        private final long millis;
        private long askedAt = Long.MIN_VALUE;
        private boolean last;

        Cached(long millis) { this.millis = millis; }

        synchronized boolean get(BooleanSupplier ask) {
            long now = System.nanoTime() / 1_000_000;
            if (askedAt == Long.MIN_VALUE || now - askedAt >= millis) {
                last = ask.getAsBoolean();
                askedAt = now;
            }
            return last;
        }
    }
}
