package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void tokensCarry256BitsAndAreNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = Secrets.newToken();
            assertEquals(43, token.length());
            assertEquals(32, java.util.Base64.getUrlDecoder().decode(token).length);
            seen.add(token);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void theHashIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
        assertNotEquals(Secrets.hash("abc"), Secrets.hash("abd"));
    }
}
