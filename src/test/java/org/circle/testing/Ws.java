package org.circle.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client for tests: every frame it receives is kept, in order, to be awaited. */
public final class Ws implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    public Ws(String baseUrl) { this(baseUrl, null); }

    public Ws(String baseUrl, String origin) { this(CLIENT, baseUrl, origin); }

    /** Over the given client: https base URLs connect with wss. */
    public Ws(HttpClient client, String baseUrl, String origin) {
        var builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) builder.header("Origin", origin);
        socket = builder.buildAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), new Listener()).join();
    }

    public static JsonObject hello(String ticket) {
        return Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("ticket", ticket).build();
    }

    public Ws send(JsonObject frame) { return sendText(frame.toString()); }

    public Ws sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends a frame of the given type with a ref and fields, and returns the ack or error for it. */
    public JsonObject call(String type, Object... fields) {
        String ref = "r" + System.nanoTime();
        var b = Json.createObjectBuilder(Http.json(fields)).add("type", type).add("ref", ref);
        send(b.build());
        return await(f -> ref.equals(f.getString("ref", null)) && (f.getString("type").equals("ack") || f.getString("type").equals("error")));
    }

    public JsonObject await(String type) {
        return await(f -> type.equals(f.getString("type")));
    }

    /** The next frame (seen before or arriving within 10 s) that matches; earlier frames are kept. */
    public synchronized JsonObject await(Predicate<JsonObject> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < seen.size(); i++) {
            if (match.test(seen.get(i))) return seen.remove(i);
        }
        try {
            while (System.nanoTime() < deadline) {
                JsonObject next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) break;
                if (match.test(next)) return next;
                seen.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching frame within 10 s; received: " + seen);
    }

    /** Everything received so far that nobody awaited, and what arrives within {@code millis}. */
    public synchronized List<JsonObject> drain(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbox.drainTo(seen);
        List<JsonObject> all = new ArrayList<>(seen);
        seen.clear();
        return all;
    }

    public int awaitClose() {
        try {
            return closed.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed: " + seen, e);
        }
    }

    public boolean isClosed() { return closed.isDone(); }

    /** Completes with the close code (-1 for a connection that broke) when the socket closes. */
    public CompletableFuture<Integer> whenClosed() { return closed.copy(); }

    public void drop() { socket.abort(); }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(1000, "bye");
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    inbox.add(reader.readObject());
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
