package org.circle.media.janus;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.circle.platform.Jsons;

/**
 * One WebSocket to Janus's API (subprotocol {@code janus-protocol}) and one Janus session on it.
 * Requests carry a transaction and are answered by the frame with the same transaction: the
 * {@code success} or {@code error} of a core request, or, for a plugin message, the plugin's
 * {@code event} that follows Janus's {@code ack}. Frames without a waiting transaction (hang-ups,
 * a peer connection coming up) go to {@code events}. When the socket ends, every waiting request
 * fails and {@code lost} is told once: the Janus session is gone with it.
 */
final class JanusLink {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    /** Janus refused a request or did not answer in time. */
    static final class Refused extends Exception {
        /** The VideoRoom's error code, or 0. */
        final int code;

        Refused(String message) { this(message, 0); }

        Refused(String message, int code) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ackIsAnswer = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final Consumer<JsonObject> events;
    private final Runnable lost;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private long control;
    private CompletableFuture<Void> sending = CompletableFuture.completedFuture(null);
    long session;

    private JanusLink(Consumer<JsonObject> events, Runnable lost) {
        this.events = events;
        this.lost = lost;
    }

    /** Connects and creates the Janus session; fails when Janus is not there. */
    static JanusLink open(URI url, Consumer<JsonObject> events, Runnable lost) throws Refused {
        JanusLink link = new JanusLink(events, lost);
        try {
            link.socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().newWebSocketBuilder()
                    .subprotocols("janus-protocol").connectTimeout(Duration.ofSeconds(3))
                    .buildAsync(url, link.new Reader()).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Refused("Janus is not reachable at " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while connecting to Janus");
        }
        try {
            link.session = link.call(Jsons.createObjectBuilder().add("janus", "create"), false)
                    .getJsonObject("data").getJsonNumber("id").longValue();
        } catch (Refused e) {
            link.close();
            throw e;
        }
        return link;
    }

    boolean open() { return !closed; }

    /** A core request in this session (attach, detach, trickle, keepalive): waits for its answer. */
    JsonObject call(JsonObjectBuilder request, boolean ackIsAnswer) throws Refused {
        return await(send(request, ackIsAnswer));
    }

    /** Sends without waiting for the answer (trickled candidates). */
    void tell(JsonObjectBuilder request) {
        send(request, true).exceptionally(e -> null);
    }

    /** A VideoRoom request on a handle, with an optional JSEP; returns the plugin's data and the jsep. */
    JsonObject message(long handle, JsonObjectBuilder body, JsonObject jsep) throws Refused {
        JsonObjectBuilder request = Jsons.createObjectBuilder().add("janus", "message").add("handle_id", handle).add("body", body);
        if (jsep != null) request.add("jsep", jsep);
        JsonObject answer = await(send(request, false));
        JsonObject data = answer.containsKey("plugindata") ? answer.getJsonObject("plugindata").getJsonObject("data") : JsonValue.EMPTY_JSON_OBJECT;
        if (data.containsKey("error_code")) {
            throw new Refused("VideoRoom " + data.getInt("error_code") + ": " + data.getString("error", ""), data.getInt("error_code"));
        }
        return answer;
    }

    long attach() throws Refused {
        return call(Jsons.createObjectBuilder().add("janus", "attach").add("plugin", "janus.plugin.videoroom"), false)
                .getJsonObject("data").getJsonNumber("id").longValue();
    }

    /** The handle for room-wide requests (create, destroy, moderate, kick), attached on first use. */
    synchronized long control() throws Refused {
        if (control == 0) control = attach();
        return control;
    }

    void detach(long handle) {
        if (handle != 0) tell(Jsons.createObjectBuilder().add("janus", "detach").add("handle_id", handle));
    }

    void keepalive() {
        tell(Jsons.createObjectBuilder().add("janus", "keepalive"));
    }

    void close() {
        closed = true;
        WebSocket s = socket;
        if (s != null) s.abort();
        failAll();
    }

    private CompletableFuture<JsonObject> send(JsonObjectBuilder request, boolean ackAnswers) {
        String transaction = Long.toString(transactions.incrementAndGet());
        request.add("transaction", transaction);
        if (session != 0) request.add("session_id", session);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new Refused("the connection to Janus is closed"));
            return answer;
        }
        waiting.put(transaction, answer);
        ackIsAnswer.put(transaction, ackAnswers);
        String text = request.build().toString();
        synchronized (this) { // one text frame at a time: WebSocket.sendText must not overlap
            sending = sending.thenCompose(v -> socket.sendText(text, true).thenApply(ws -> (Void) null))
                    .exceptionally(e -> { connectionEnded(); return null; });
        }
        return answer;
    }

    private JsonObject await(CompletableFuture<JsonObject> answer) throws Refused {
        try {
            JsonObject reply = answer.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(reply.getString("janus", ""))) {
                JsonObject error = reply.getJsonObject("error");
                throw new Refused("Janus " + error.getInt("code", 0) + ": " + error.getString("reason", ""));
            }
            return reply;
        } catch (TimeoutException e) {
            throw new Refused("Janus did not answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new Refused(e.getCause() == null ? "Janus request failed" : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while waiting for Janus");
        }
    }

    private void received(String text) {
        JsonObject frame;
        try (var reader = Jsons.createReader(new StringReader(text))) {
            frame = reader.readObject();
        } catch (RuntimeException e) {
            return; // not JSON: nothing Janus is known to send
        }
        String kind = frame.getString("janus", "");
        String transaction = frame.getString("transaction", null);
        if (transaction != null && waiting.containsKey(transaction)) {
            boolean final_ = !"ack".equals(kind) || ackIsAnswer.getOrDefault(transaction, false);
            if (final_) {
                ackIsAnswer.remove(transaction);
                waiting.remove(transaction).complete(frame);
            }
            return;
        }
        if (!"ack".equals(kind)) events.accept(frame);
    }

    private void connectionEnded() {
        boolean first = !closed;
        closed = true;
        failAll();
        if (first) lost.run();
    }

    private void failAll() {
        waiting.values().forEach(f -> f.completeExceptionally(new Refused("the connection to Janus ended")));
        waiting.clear();
    }

    private final class Reader implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            connectionEnded();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            connectionEnded();
        }
    }
}
