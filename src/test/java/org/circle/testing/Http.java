package org.circle.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the integration tests: real requests, nothing mocked. */
public final class Http {

    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        public String code() { return json().getString("code"); }

        @Override
        public String toString() { return status + " " + body; }
    }

    /**
     * Each request presents itself, as a proxy would report it, as a client of its own
     * (X-Forwarded-For from the benchmarking range 198.18.0.0/15: a header, never an address
     * anything is sent to). Circle slows login failures per client address; without this every
     * test would share 127.0.0.1, and one test's deliberate failures would make another wait.
     * Tests of that throttle (LoginAbuseIT) choose their addresses themselves.
     */
    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    private static String nextClientAddress() {
        int n = CLIENTS.incrementAndGet() & 0x1ffff;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient client;
    private final String base;
    private final String token;

    public Http(String base) { this(CLIENT, base, null); }

    /** A client of the caller's making, for example one that trusts a test's own certificate. */
    public Http(HttpClient client, String base) { this(client, base, null); }

    private Http(HttpClient client, String base, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer token}. */
    public Http as(String bearer) { return new Http(client, base, bearer); }

    public Answer get(String path) { return send("GET", path, null, "application/json"); }
    public Answer get(String path, String accept) { return send("GET", path, null, accept); }
    public Answer delete(String path) { return send("DELETE", path, null, "application/json"); }
    public Answer post(String path, JsonValue body) { return send("POST", path, body == null ? null : body.toString(), "application/json"); }
    public Answer postRaw(String path, String body) { return send("POST", path, body, "application/json"); }

    public Answer send(String method, String path, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("X-Forwarded-For", nextClientAddress())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Builds a JSON object from alternating keys and values (String, Number, Boolean, JsonValue, null). */
    public static JsonObject json(Object... keysAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value == null) builder.addNull(key);
            else if (value instanceof String s) builder.add(key, s);
            else if (value instanceof Integer n) builder.add(key, n);
            else if (value instanceof Long n) builder.add(key, n);
            else if (value instanceof Boolean b) builder.add(key, b);
            else if (value instanceof Double d) builder.add(key, d);
            else if (value instanceof JsonValue v) builder.add(key, v);
            else throw new IllegalArgumentException("unsupported value " + value);
        }
        return builder.build();
    }
}
