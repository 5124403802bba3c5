package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A quiet but healthy socket is pinged within the heartbeat period, answers, and stays open. */
@ExtendWith(CircleServer.class)
class HeartbeatIT {

    @Test
    void aQuietWelcomedSocketIsPingedAndKept(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        CompletableFuture<Long> pinged = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(circle.process().baseUrl().replace("http", "ws") + "/ws"), new WebSocket.Listener() {
                    @Override public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
                        pinged.complete(System.nanoTime());
                        return WebSocket.Listener.super.onPing(ws, message); // answers with a pong
                    }
                    @Override public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                }).join();
        socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"ticket\":\"" + s.facilitatorTicket() + "\"}", true).join();
        long since = System.nanoTime();
        long at = pinged.get(25, TimeUnit.SECONDS);
        assertTrue(at - since < TimeUnit.SECONDS.toNanos(25));
        Thread.sleep(500);
        assertFalse(closed.isDone(), "a socket that answers pings stays open");
        assertFalse(socket.isOutputClosed());
        socket.abort();
    }
}
