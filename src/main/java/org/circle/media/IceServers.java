package org.circle.media;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ICE servers handed to browsers in the welcome frame, from CIRCLE_ICE_SERVERS (a JSON list
 * of RTCIceServer objects). A list that does not parse is reported once at start and ignored:
 * sessions on one network still work without STUN, and nobody gets a half-read server list.
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_ICE_SERVERS")
    Optional<String> configured;

    private JsonArray servers = JsonValue.EMPTY_JSON_ARRAY;

    @PostConstruct
    void read() {
        servers = configured.map(IceServers::parse).orElse(JsonValue.EMPTY_JSON_ARRAY);
    }

    static JsonArray parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonArray list = reader.readArray();
            for (JsonValue server : list) {
                if (server.getValueType() != JsonValue.ValueType.OBJECT || !server.asJsonObject().containsKey("urls")) {
                    throw new JsonException("every entry needs urls");
                }
            }
            return list;
        } catch (JsonException | IllegalStateException e) {
            LOG.warning("CIRCLE_ICE_SERVERS is not a JSON list of {urls, username?, credential?}; using none (" + e.getMessage() + ")");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }

    public JsonArray forParticipant(String participantId) {
        return servers;
    }
}
