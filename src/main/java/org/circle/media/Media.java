package org.circle.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.circle.media.janus.JanusSfu;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;

/**
 * The media port for a session's kind: SFU sessions go through Kurento when CIRCLE_KMS_URL is set,
 * or through Janus when CIRCLE_JANUS_URL is set; setting both is a mistake reported at start, and
 * then neither is used. Clients are created on first use, not at start: a media server that is
 * down must never keep Circle from starting, and mesh sessions never depend on one.
 */
@ApplicationScoped
public class Media {

    private static final Logger LOG = Logger.getLogger(Media.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_KMS_URL")
    Optional<String> kmsUrl;

    @Inject
    @ConfigProperty(name = "CIRCLE_JANUS_URL")
    Optional<String> janusUrl;

    @Inject
    Instance<MediaListener> listener;

    private volatile KurentoClient client;
    private volatile MediaPort sfu;
    private boolean kurento;
    private boolean janus;

    @PostConstruct
    void read() {
        kurento = kmsUrl.filter(u -> !u.isBlank()).isPresent();
        janus = janusUrl.filter(u -> !u.isBlank()).isPresent();
        if (kurento && janus) {
            LOG.severe("CIRCLE_KMS_URL and CIRCLE_JANUS_URL are both set; set one. SFU sessions are refused until then.");
            kurento = false;
            janus = false;
        }
    }

    /** The SFU, or empty when this server has no media server configured. */
    public Optional<MediaPort> sfu() {
        if (!sfuAvailable()) return Optional.empty();
        if (sfu == null) {
            synchronized (this) {
                if (sfu == null) {
                    sfu = janus ? new JanusSfu(URI.create(janusUrl.orElseThrow().strip()), listener.get())
                            : new KurentoSfu(this::client, listener.get());
                }
            }
        }
        return Optional.of(sfu);
    }

    public boolean sfuAvailable() { return kurento || janus; }

    private synchronized KurentoClient client() {
        if (client == null) {
            client = KurentoClient.create(kmsUrl.orElseThrow(), new KurentoConnectionListener() {
                @Override public void connected() { LOG.info("connected to the media server"); }
                @Override public void connectionFailed() { LOG.warning("the media server is not reachable"); }
                @Override public void disconnected() { LOG.warning("disconnected from the media server"); }
                @Override public void reconnected(boolean sameServer) {
                    if (!sameServer && sfu instanceof KurentoSfu k) k.mediaServerRestarted();
                }
            });
        }
        return client;
    }

    @PreDestroy
    void stop() {
        if (client != null) client.destroy();
        if (sfu instanceof JanusSfu j) j.shutdown();
    }
}
