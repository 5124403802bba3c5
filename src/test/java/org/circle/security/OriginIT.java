package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: with a loopback public URL (development), pages at http://127.evil.example and
 * http://127.0.0.1.nip.io opened sockets, because the check looked at how the host began. The
 * host is now compared with loopback addresses exactly.
 */
@ExtendWith(CircleServer.class)
class OriginIT {

    @Test
    void namesThatMerelyLookLikeLoopbackAreRefused(Circle circle) {
        for (String origin : List.of("http://127.evil.example", "http://127.0.0.1.nip.io", "http://localhost.evil.example", "http://[::1].evil.example")) {
            var refused = assertThrows(CompletionException.class, () -> new Ws(circle.process().baseUrl(), origin), origin);
            assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 403,
                    origin + ": " + refused.getCause());
        }
    }

    @Test
    void loopbackOriginsStillOpenInDevelopment(Circle circle) {
        for (String origin : List.of("http://localhost:8080", "http://127.0.0.2:9000", "http://[::1]:8080")) {
            new Ws(circle.process().baseUrl(), origin).close();
        }
    }
}
