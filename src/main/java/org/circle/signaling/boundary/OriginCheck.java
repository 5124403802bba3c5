package org.circle.signaling.boundary;

import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses WebSocket handshakes from other sites' pages (cross-site WebSocket hijacking): a
 * browser always sends Origin, and it must be Circle's public address. Clients that are not
 * browsers send none and authenticate by ticket like everyone else. While Circle runs on a
 * loopback address (development), any loopback origin is accepted.
 */
public class OriginCheck extends ServerEndpointConfig.Configurator {

    private final String publicOrigin = origin(ConfigProvider.getConfig(OriginCheck.class.getClassLoader())
            .getOptionalValue("CIRCLE_PUBLIC_URL", String.class).orElse("http://localhost:8080"));

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        if (originHeaderValue == null || originHeaderValue.isEmpty()) return true;
        String origin = origin(originHeaderValue);
        return origin.equals(publicOrigin) || (loopback(publicOrigin) && loopback(origin));
    }

    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            int port = uri.getPort();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (port == -1) port = scheme.equals("https") ? 443 : 80;
            return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase()) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    /**
     * The host of an origin, compared exactly: {@code localhost}, an IPv4 literal in 127.0.0.0/8
     * or {@code [::1]}. A prefix test let {@code http://127.evil.example} and
     * {@code http://127.0.0.1.nip.io} (names anyone can point anywhere) pass as loopback.
     */
    static boolean loopback(String origin) {
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) return false;
        int start = origin.indexOf("://");
        int end = origin.lastIndexOf(':');
        if (end <= start + 3) return false;
        String host = origin.substring(start + 3, end);
        if (host.equals("localhost") || host.equals("[::1]")) return true;
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) return false;
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) return false;
        }
        return true;
    }
}
