package org.circle.monitoring;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * A burst of first arrivals on a freshly started server: every one is welcomed. The first durable
 * writes also make the server's metrics, and Payara's registry threw
 * ConcurrentModificationException when two threads made a timer at once; the load benchmark saw
 * 3 of 900 people turned away for it (their arrival counted as not recorded).
 */
class FirstArrivalsIT {

    private static final int SESSIONS = 48;

    @Test
    void everyoneArrivingAtOnceAtAFreshServerIsWelcomed() throws Exception {
        Circle circle = CircleServer.standalone("first-arrivals", Map.of());
        try (var process = circle.process()) {
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String group = circle.admin().post("/api/groups", json("name", "Burst " + i)).json().getString("id");
                String session = circle.admin().post("/api/groups/" + group + "/sessions",
                        json("title", "Evening", "startsAt", java.time.Instant.now().toString(), "minutes", 60)).json().getString("id");
                tickets.add(circle.admin().post("/api/sessions/" + session + "/tickets", null).json().getString("ticket"));
            }
            List<Ws> sockets = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) sockets.add(new Ws(process.baseUrl()));
            CountDownLatch go = new CountDownLatch(1);
            var senders = java.util.concurrent.Executors.newFixedThreadPool(SESSIONS);
            List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                Ws socket = sockets.get(i);
                JsonObject hello = Ws.hello(tickets.get(i));
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    socket.send(hello);
                    return socket.await(f -> f.getString("type").equals("welcome") || f.getString("type").equals("error"));
                }, senders));
            }
            go.countDown();
            List<String> refused = answers.stream().map(CompletableFuture::join)
                    .filter(f -> !f.getString("type").equals("welcome")).map(JsonObject::toString).toList();
            assertEquals(List.of(), refused, "every first arrival is welcomed; server problems: " + process.problemsSince(0));
            sockets.forEach(Ws::close);
            senders.shutdown();
        }
    }
}
