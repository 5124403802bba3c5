package org.circle.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One benchmark client's socket, whichever server it talks to. Relayed frames carry the driver's
 * send time ({@code "t":nanos}) and kind ({@code "k":"o|a|c"}) in their payload, so latency is
 * measured sender to receiver on one clock. Other frames go to the protocol's handler.
 */
final class Peer implements WebSocket.Listener {

    final int index;
    volatile String id;
    volatile WebSocket socket;
    final CompletableFuture<Peer> ready = new CompletableFuture<>();
    private final BiConsumer<Peer, String> handler;
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<WebSocket> sending;

    Peer(int index, BiConsumer<Peer, String> handler) {
        this.index = index;
        this.handler = handler;
    }

    /**
     * Sends in order: the JDK's WebSocket takes one outstanding send at a time, so each send
     * waits for the one before instead of failing.
     */
    synchronized void send(String text) {
        CompletableFuture<WebSocket> previous = sending == null ? CompletableFuture.completedFuture(socket) : sending;
        sending = previous.thenCompose(ws -> ws.sendText(text, true)).whenComplete((ws, failure) -> {
            if (failure != null) Recorder.current().error();
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            long now = System.nanoTime();
            int t = frame.indexOf("\"t\":");
            if (t >= 0) {
                int k = frame.indexOf("\"k\":\"", t);
                long sent = Long.parseLong(frame.substring(t + 4, frame.indexOf(',', t)));
                Recorder.current().relayed(frame.charAt(k + 5), now - sent);
            } else {
                handler.accept(this, frame);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        Recorder.current().error();
        ready.completeExceptionally(error);
    }
}
