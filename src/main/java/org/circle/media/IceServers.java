package org.circle.media;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.circle.platform.Clock;
import org.circle.platform.Jsons;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ICE servers handed to browsers in the welcome frame: the STUN servers of CIRCLE_ICE_SERVERS
 * (a JSON list of RTCIceServer objects) and, when CIRCLE_TURN_URLS and CIRCLE_TURN_SECRET are set,
 * a TURN server with credentials issued for this one connection that expire after
 * CIRCLE_TURN_TTL_SECONDS. A setting that does not parse is reported once at start and ignored:
 * sessions on one network still work without STUN or TURN, and nobody gets a half-read list.
 * Static TURN passwords are refused: a password handed to every browser is a password for anyone.
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_ICE_SERVERS")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "CIRCLE_TURN_URLS")
    Optional<String> turnUrls;

    @Inject
    @ConfigProperty(name = "CIRCLE_TURN_SECRET")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "CIRCLE_TURN_TTL_SECONDS", defaultValue = "21600")
    long turnSeconds;

    @Inject
    Clock clock;

    private JsonArray servers = JsonValue.EMPTY_JSON_ARRAY;
    private Optional<TurnCredentials> turn = Optional.empty();

    @PostConstruct
    void read() {
        servers = configured.map(IceServers::parse).orElse(JsonValue.EMPTY_JSON_ARRAY);
        turn = turn(turnUrls.filter(u -> !u.isBlank()), turnSecret.filter(s -> !s.isBlank()), turnSeconds);
    }

    static Optional<TurnCredentials> turn(Optional<String> urls, Optional<String> secret, long seconds) {
        if (urls.isEmpty() && secret.isEmpty()) return Optional.empty();
        if (urls.isEmpty() || secret.isEmpty()) {
            LOG.warning("TURN needs both CIRCLE_TURN_URLS and CIRCLE_TURN_SECRET; only one is set, so no TURN server is handed out");
            return Optional.empty();
        }
        if (seconds < 60) {
            LOG.warning("CIRCLE_TURN_TTL_SECONDS must be at least 60; no TURN server is handed out");
            return Optional.empty();
        }
        try {
            return Optional.of(new TurnCredentials(TurnCredentials.parseUrls(urls.get()), secret.get(), Duration.ofSeconds(seconds)));
        } catch (IllegalArgumentException e) {
            LOG.warning("CIRCLE_TURN_URLS: " + e.getMessage() + "; no TURN server is handed out");
            return Optional.empty();
        }
    }

    static JsonArray parse(String text) {
        try (var reader = Jsons.createReader(new StringReader(text))) {
            JsonArray list = reader.readArray();
            for (JsonValue server : list) {
                if (server.getValueType() != JsonValue.ValueType.OBJECT || !server.asJsonObject().containsKey("urls")) {
                    throw new JsonException("every entry needs urls");
                }
                if (server.asJsonObject().containsKey("credential")) {
                    throw new JsonException("static credentials are not handed out; set CIRCLE_TURN_URLS and CIRCLE_TURN_SECRET for TURN");
                }
            }
            return list;
        } catch (JsonException | IllegalStateException e) {
            LOG.warning("CIRCLE_ICE_SERVERS is not a JSON list of {urls} objects; using none (" + e.getMessage() + ")");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }

    public JsonArray forParticipant(String participantId) {
        if (turn.isEmpty()) return servers;
        return Jsons.createArrayBuilder(servers).add(turn.get().issue(participantId, clock.now())).build();
    }
}
