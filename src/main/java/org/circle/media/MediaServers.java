package org.circle.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.circle.session.MediaKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;

/**
 * Picks the media port for a session's kind: mesh sessions get {@link NoMediaServer#MESH}, SFU
 * sessions go through Kurento when CIRCLE_KMS_URL is set and otherwise get {@link NoMediaServer#NOT_CONFIGURED}.
 * The Kurento client is created on first use, not at start: its constructor fails while the media
 * server is down, and mesh sessions must never depend on it.
 */
@ApplicationScoped
public class MediaServers {

    private static final Logger LOG = Logger.getLogger(MediaServers.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_KMS_URL")
    Optional<String> kmsUrl;

    @Inject
    Instance<MediaListener> listener;

    private volatile KurentoClient client;
    private volatile KurentoSfu sfu;

    /** The port a session of this kind sends its media through; never null. */
    public MediaPort port(MediaKind kind) {
        if (kind == MediaKind.MESH) return NoMediaServer.MESH;
        if (kmsUrl.filter(u -> !u.isBlank()).isEmpty()) return NoMediaServer.NOT_CONFIGURED;
        if (sfu == null) {
            synchronized (this) {
                if (sfu == null) sfu = new KurentoSfu(this::client, listener.get());
            }
        }
        return sfu;
    }

    private synchronized KurentoClient client() {
        if (client == null) {
            client = KurentoClient.create(kmsUrl.orElseThrow(), new KurentoConnectionListener() {
                @Override public void connected() { LOG.info("connected to the media server"); }
                @Override public void connectionFailed() { LOG.warning("the media server is not reachable"); }
                @Override public void disconnected() { LOG.warning("disconnected from the media server"); }
                @Override public void reconnected(boolean sameServer) {
                    if (!sameServer && sfu != null) sfu.mediaServerRestarted();
                }
            });
        }
        return client;
    }

    @PreDestroy
    void stop() {
        if (client != null) client.destroy();
    }
}
