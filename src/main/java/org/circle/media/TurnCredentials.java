package org.circle.media;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.circle.platform.Jsons;

/**
 * Time-limited TURN credentials in the TURN REST scheme that coturn checks with
 * {@code use-auth-secret}: username {@code expiry:id}, password
 * {@code base64(HMAC-SHA1(secret, username))}. Nothing static ever reaches a browser: a
 * credential copied out of one expires by itself, and the shared secret never leaves the server.
 */
public final class TurnCredentials {

    private final List<String> urls;
    private final byte[] secret;
    private final Duration lifetime;

    public TurnCredentials(List<String> urls, String secret, Duration lifetime) {
        if (urls.isEmpty()) throw new IllegalArgumentException("no TURN URLs");
        if (secret.isBlank()) throw new IllegalArgumentException("empty TURN secret");
        this.urls = List.copyOf(urls);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
    }

    /** Parses CIRCLE_TURN_URLS: comma- or space-separated turn: and turns: URLs. */
    public static List<String> parseUrls(String text) {
        List<String> urls = Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        if (urls.isEmpty()) throw new IllegalArgumentException("no TURN URL given");
        for (String url : urls) {
            if (!url.startsWith("turn:") && !url.startsWith("turns:")) {
                throw new IllegalArgumentException("not a turn: or turns: URL: " + url);
            }
        }
        return urls;
    }

    /** An RTCIceServer for one connection, valid until now + lifetime. */
    public JsonObject issue(String connectionId, Instant now) {
        String username = (now.getEpochSecond() + lifetime.toSeconds()) + ":" + connectionId;
        var list = Jsons.createArrayBuilder();
        urls.forEach(list::add);
        return Jsons.createObjectBuilder().add("urls", list).add("username", username)
                .add("credential", password(username)).build();
    }

    String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
