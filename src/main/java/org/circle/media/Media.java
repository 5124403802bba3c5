package org.circle.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;

/**
 * The media port for a session's kind: SFU sessions go through Kurento when CIRCLE_KMS_URL is set.
 * The Kurento client is created on first use, not at start: its constructor fails while the media
 * server is down, and mesh sessions must never depend on it.
 */
@ApplicationScoped
public class Media {

    private static final Logger LOG = Logger.getLogger(Media.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_KMS_URL")
    Optional<String> kmsUrl;

    @Inject
    Instance<MediaListener> listener;

    private volatile KurentoClient client;
    private volatile KurentoSfu sfu;

    /** The SFU, or empty when this server has no media server configured. */
    public Optional<MediaPort> sfu() {
        if (kmsUrl.filter(u -> !u.isBlank()).isEmpty()) return Optional.empty();
        if (sfu == null) {
            synchronized (this) {
                if (sfu == null) sfu = new KurentoSfu(this::client, listener.get());
            }
        }
        return Optional.of(sfu);
    }

    public boolean sfuAvailable() { return kmsUrl.filter(u -> !u.isBlank()).isPresent(); }

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
