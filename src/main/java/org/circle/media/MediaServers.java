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
import org.circle.session.MediaKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;

/**
 * Picks the media port for a session's kind: mesh sessions get {@link NoMediaServer#MESH}, SFU
 * sessions go through Kurento when CIRCLE_KMS_URL is set or through Janus when CIRCLE_JANUS_URL is
 * set, and otherwise get {@link NoMediaServer#NOT_CONFIGURED}; setting both is reported at start and
 * then neither is used. Clients are created on first use, not at start: a media server that is
 * down must never keep Circle from starting, and mesh sessions never depend on one.
 */
@ApplicationScoped
public class MediaServers {

    private static final Logger LOG = Logger.getLogger(MediaServers.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_KMS_URL")
    Optional<String> kmsUrl;

    @Inject
    @ConfigProperty(name = "CIRCLE_JANUS_URL")
    Optional<String> janusUrl;

    @Inject
    Instance<MediaListener> listener;

    /** Looked up when the first SFU session needs its port, not when the health check first builds this bean (see {@link MediaServerFigures}). */
    @Inject
    Instance<MetricRegistry> registry;

    private volatile KurentoClient client;
    /** The media server's own port (for its restart and shutdown) and the counted one sessions use. */
    private volatile MediaPort server;
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

    /** The port a session of this kind sends its media through; never null. */
    public MediaPort port(MediaKind kind) {
        if (kind == MediaKind.MESH) return NoMediaServer.MESH;
        if (!sfuAvailable()) return NoMediaServer.NOT_CONFIGURED;
        if (sfu == null) {
            synchronized (this) {
                if (sfu == null) {
                    server = janus ? new JanusSfu(URI.create(janusUrl.orElseThrow().strip()), listener.get())
                            : new KurentoSfu(this::client, listener.get());
                    sfu = new MeteredPort(server, registry.get());
                }
            }
        }
        return sfu;
    }

    /** Whether this server has a media server for SFU sessions. */
    public boolean sfuAvailable() { return kurento || janus; }

    private synchronized KurentoClient client() {
        if (client == null) {
            client = KurentoClient.create(kmsUrl.orElseThrow(), new KurentoConnectionListener() {
                @Override public void connected() { LOG.info("connected to the media server"); }
                @Override public void connectionFailed() { LOG.warning("the media server is not reachable"); }
                @Override public void disconnected() { LOG.warning("disconnected from the media server"); }
                @Override public void reconnected(boolean sameServer) {
                    if (!sameServer && server instanceof KurentoSfu k) k.mediaServerRestarted();
                }
            });
        }
        return client;
    }

    /** Which media server this server is set up for: "janus", "kurento", or "none". */
    public String kind() { return janus ? "janus" : kurento ? "kurento" : "none"; }

    /**
     * Whether the configured media server's port takes a connection now (null when none is
     * configured). A TCP connect, not an API call: it tells an operator the server is gone, at
     * the cost of one socket, and is remembered for a few seconds so scrapes and probes cannot
     * turn it into load.
     */
    public Boolean reachable() {
        if (!sfuAvailable()) return null;
        return reach.get(() -> MediaReach.answers(URI.create((janus ? janusUrl : kmsUrl).orElseThrow().strip())));
    }

    private final MediaReach.Cached reach = new MediaReach.Cached(5_000);

    @PreDestroy
    void stop() {
        if (client != null) client.destroy();
        if (server instanceof JanusSfu j) j.shutdown();
    }
}
