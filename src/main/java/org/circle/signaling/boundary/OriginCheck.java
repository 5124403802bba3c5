package org.circle.signaling.boundary;

import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import org.circle.platform.Loopback;
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

    /**
     * Makes the session socket's endpoint itself. Left to the container, Payara's Tyrus makes each
     * one through CDI with a new annotated type and injection target, and keeps them (with a
     * creational context) in a map until the socket closes: reflective copies of the class's
     * fields and constructors, maps and lists, for every connected person. The endpoint looks up
     * its two application-scoped beans once instead ({@link SessionSocket}).
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass == SessionSocket.class) return endpointClass.cast(new SessionSocket());
        return super.getEndpointInstance(endpointClass);
    }

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

    /** The host of an origin, compared with loopback addresses exactly ({@link Loopback}). */
    static boolean loopback(String origin) {
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) return false;
        int start = origin.indexOf("://");
        int end = origin.lastIndexOf(':');
        return end > start + 3 && Loopback.host(origin.substring(start + 3, end));
    }
}
