package org.circle.media;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A stand-in for Kurento Media Server on 127.0.0.1: it speaks Kurento's JSON-RPC over a real
 * WebSocket as far as Circle uses it (connect, ping, create, invoke, subscribe, release), keeps
 * every request for the test to read, can push IceCandidateFound events, and can play a restart:
 * every object and the session are forgotten, so the client's reconnect is answered 40007.
 */
final class ScriptedKms extends WebSocketServer {

    record Call(String method, JsonObject params) { }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, String> objects = new ConcurrentHashMap<>(); // id -> type
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String session = "kms-session-1";
    private volatile WebSocket client;

    ScriptedKms() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    String url() { return "ws://127.0.0.1:" + getPort() + "/kurento"; }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) { client = conn; }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) { }

    @Override
    public void onError(WebSocket conn, Exception ex) { }

    @Override
    public void onStart() { }

    @Override
    public void onMessage(WebSocket conn, String text) {
        JsonObject request = Json.createReader(new StringReader(text)).readObject();
        if (!request.containsKey("method")) return; // a response to an event we pushed
        String method = request.getString("method");
        JsonObject params = request.containsKey("params") && request.get("params").getValueType() == JsonValue.ValueType.OBJECT
                ? request.getJsonObject("params") : JsonValue.EMPTY_JSON_OBJECT;
        calls.add(new Call(method, params));
        JsonValue id = request.get("id");
        switch (method) {
            case "connect" -> {
                if (params.containsKey("sessionId") && !params.getString("sessionId").equals(session)) {
                    error(conn, id, 40007, "Invalid session");
                } else {
                    result(conn, id, Json.createValue("connected"));
                }
            }
            case "ping" -> result(conn, id, Json.createValue("pong"));
            case "create" -> {
                JsonObject constructor = params.getJsonObject("constructorParams");
                if (constructor != null && constructor.containsKey("mediaPipeline") && !objects.containsKey(constructor.getString("mediaPipeline"))) {
                    error(conn, id, 40101, "Object not found");
                    return;
                }
                String objectId = params.getString("type") + "-" + ids.incrementAndGet();
                objects.put(objectId, params.getString("type"));
                result(conn, id, Json.createValue(objectId));
            }
            case "invoke" -> {
                String object = params.getString("object");
                if (!objects.containsKey(object)) {
                    error(conn, id, 40101, "Object not found");
                } else if (params.getString("operation").equals("processOffer")) {
                    result(conn, id, Json.createValue("v=0 answer for " + object));
                } else if (params.getString("operation").equals("generateOffer")) {
                    result(conn, id, Json.createValue("v=0 offer from " + object));
                } else if (params.getString("operation").equals("processAnswer")) {
                    result(conn, id, Json.createValue("v=0 remote description of " + object)); // Kurento answers with the SDP it took
                } else {
                    result(conn, id, null);
                }
            }
            case "subscribe" -> result(conn, id, Json.createValue("subscription-" + ids.incrementAndGet()));
            case "release" -> {
                objects.remove(params.getString("object"));
                result(conn, id, null);
            }
            default -> result(conn, id, null);
        }
    }

    /** Pushes an IceCandidateFound event for an endpoint, as the real server does while gathering. */
    void candidateFound(String endpoint, String candidate) {
        JsonObject data = Json.createObjectBuilder()
                .add("source", endpoint).add("type", "IceCandidateFound").add("timestampMillis", "0").add("timestamp", "0")
                .add("tags", Json.createArrayBuilder())
                .add("candidate", Json.createObjectBuilder().add("candidate", candidate).add("sdpMid", "0").add("sdpMLineIndex", 0)
                        .add("__module__", "kurento").add("__type__", "IceCandidate"))
                .build();
        JsonObject event = Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", "onEvent")
                .add("params", Json.createObjectBuilder().add("value", Json.createObjectBuilder()
                        .add("object", endpoint).add("type", "IceCandidateFound").add("data", data)))
                .build();
        client.send(event.toString());
    }

    /** Plays a media server restart: all objects and the session are gone, and the connection drops. */
    void restart() {
        objects.clear();
        session = "kms-session-" + ids.incrementAndGet();
        client.close();
    }

    List<Call> calls(String method, String operation) {
        return calls.stream().filter(c -> c.method().equals(method)
                && (operation == null || operation.equals(c.params().getString("operation", c.params().getString("type", ""))))).toList();
    }

    private void result(WebSocket conn, JsonValue id, JsonValue value) {
        JsonObjectBuilder result = Json.createObjectBuilder().add("sessionId", session);
        if (value != null) result.add("value", value);
        conn.send(Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build().toString());
    }

    private void error(WebSocket conn, JsonValue id, int code, String message) {
        conn.send(Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                .add("error", Json.createObjectBuilder().add("code", code).add("message", message)).build().toString());
    }
}
