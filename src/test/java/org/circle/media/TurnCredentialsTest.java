package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final TurnCredentials turn = new TurnCredentials(List.of("turn:turn.clinic.example:3478"), "north", Duration.ofHours(6));

    @Test
    void usernameIsExpiryColonConnection() {
        JsonObject server = turn.issue("pabc", NOW);
        assertEquals("1700021600:pabc", server.getString("username"));
        assertEquals("turn:turn.clinic.example:3478", server.getJsonArray("urls").getString(0));
    }

    @Test
    void passwordIsTheHmacSha1OfTheUsername() {
        // Reference value from: printf '1700021600:pabc' | openssl dgst -sha1 -hmac north -binary | base64
        assertEquals("vlmIulfR93uhDyNzUrZc2BGA0dY=", turn.issue("pabc", NOW).getString("credential"));
    }

    @Test
    void everyConnectionAndEveryMomentGetsItsOwnCredential() {
        String first = turn.issue("pabc", NOW).getString("credential");
        assertNotEquals(first, turn.issue("pabd", NOW).getString("credential"));
        assertNotEquals(first, turn.issue("pabc", NOW.plusSeconds(1)).getString("credential"));
        assertNotEquals(first, new TurnCredentials(List.of("turn:x"), "south", Duration.ofHours(6)).issue("pabc", NOW).getString("credential"));
    }

    @Test
    void urlsAreTurnOrTurnsOnly() {
        assertEquals(List.of("turn:a:3478", "turns:a:5349?transport=tcp"), TurnCredentials.parseUrls(" turn:a:3478, turns:a:5349?transport=tcp "));
        assertThrows(IllegalArgumentException.class, () -> TurnCredentials.parseUrls("stun:a:3478"));
        assertThrows(IllegalArgumentException.class, () -> TurnCredentials.parseUrls(" , "));
    }

    @Test
    void halfASettingGivesNoTurnRatherThanABrokenOne() {
        assertTrue(IceServers.turn(Optional.of("turn:a"), Optional.empty(), 3600).isEmpty());
        assertTrue(IceServers.turn(Optional.empty(), Optional.of("north"), 3600).isEmpty());
        assertTrue(IceServers.turn(Optional.of("stun:a"), Optional.of("north"), 3600).isEmpty());
        assertTrue(IceServers.turn(Optional.of("turn:a"), Optional.of("north"), 10).isEmpty());
        assertTrue(IceServers.turn(Optional.of("turn:a"), Optional.of("north"), 3600).isPresent());
    }

    @Test
    void staticTurnPasswordsInTheIceListAreRefused() {
        assertEquals(0, IceServers.parse("[{\"urls\":\"turn:a\",\"username\":\"u\",\"credential\":\"p\"}]").size());
        assertEquals(1, IceServers.parse("[{\"urls\":\"stun:a:3478\"}]").size());
    }
}
