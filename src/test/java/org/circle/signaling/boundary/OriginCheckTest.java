package org.circle.signaling.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "https://127.1.2.3", "http://[::1]:8080", "http://LOCALHOST"})
    void loopbackOriginsAreLoopback(String origin) {
        assertTrue(OriginCheck.loopback(OriginCheck.origin(origin)), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.nip.io", "http://localhost.evil.example", "http://127.0.0.256",
            "http://127.0.0", "http://evil.example/127.0.0.1", "http://user@evil.example", "ftp://127.0.0.1", "http://[::1].evil.example",
            "http://2130706433", "null", ""})
    void lookalikesAreNot(String origin) {
        assertFalse(OriginCheck.loopback(OriginCheck.origin(origin)), origin);
    }
}
