package org.circle.cluster.launch;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * CIRCLE_CLUSTER_KUBERNETES=namespace/service: the members are the pods behind that Kubernetes
 * service, found by Hazelcast's Kubernetes discovery through the Kubernetes API (Payara Micro's
 * {@code --clustermode kubernetes:namespace,service}; the pod's service account must be allowed
 * to read endpoints, endpoint slices, pods and services in the namespace). Every pod listens on
 * the same grid port, CIRCLE_CLUSTER_PORT or 6900, which is also the service port looked for, and
 * binds only to CIRCLE_CLUSTER_ADDRESS, its own pod address (the downward API's status.podIP):
 * the bundle binds the grid to 127.0.0.1, where other pods cannot reach it.
 */
public record KubernetesCluster(String namespace, String service, String address, int port) implements ClusterSettings {

    /** Payara Micro's own default data-grid port, and the one its Docker image exposes. */
    static final int DEFAULT_PORT = 6900;

    /** A namespace or service name: a DNS label (RFC 1123) as Kubernetes requires, at most 63 characters. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    static KubernetesCluster from(String setting, String address, String port) {
        int slash = setting.indexOf('/');
        String namespace = slash < 0 ? "" : setting.substring(0, slash).trim();
        String service = slash < 0 ? "" : setting.substring(slash + 1).trim();
        if (!DNS_LABEL.matcher(namespace).matches() || !DNS_LABEL.matcher(service).matches()) {
            throw new Refused("CIRCLE_CLUSTER_KUBERNETES '" + setting + "' is not namespace/service, e.g. circle/circle-grid"
                    + " (each a Kubernetes name: lowercase letters, digits and '-', at most 63 characters)");
        }
        if (address == null) {
            throw new Refused("CIRCLE_CLUSTER_KUBERNETES is set but CIRCLE_CLUSTER_ADDRESS is not: give the pod's own IPv4 address"
                    + " (env valueFrom fieldRef status.podIP) for the data grid to bind to");
        }
        if (!IPV4.matcher(address).matches()) {
            throw new Refused("CIRCLE_CLUSTER_ADDRESS '" + address + "' is not an IPv4 address such as 10.1.2.3 (IPv6 is not supported yet)");
        }
        return new KubernetesCluster(namespace, service, address,
                port == null ? DEFAULT_PORT : ClusterSettings.port("CIRCLE_CLUSTER_PORT", port));
    }

    /**
     * Each pod has its own address, so host-aware partitioning (backups kept off members that
     * share an address) would add nothing; it stays off, as for members on one host.
     */
    @Override
    public Map<String, String> bootProperties() {
        return ClusterSettings.common("kubernetes:" + namespace + "," + service, port, address, false);
    }

    @Override
    public String describe() {
        return "Kubernetes discovery of the pods behind service " + service + " in namespace " + namespace
                + ", this pod on " + address + ":" + port;
    }
}
