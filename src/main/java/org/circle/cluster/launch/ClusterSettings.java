package org.circle.cluster.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the CIRCLE_CLUSTER_* settings mean to Payara Micro: the boot properties that turn its data
 * grid on and tell it how members find each other. Two ways, one of them at a time:
 * <ul>
 * <li>{@link TcpIpCluster}: CIRCLE_CLUSTER_MEMBERS and CIRCLE_CLUSTER_PORT, every member's address
 *     listed (TCP/IP join among exactly those);</li>
 * <li>{@link KubernetesCluster}: CIRCLE_CLUSTER_KUBERNETES=namespace/service, the pods behind a
 *     Kubernetes service found through the Kubernetes API (Payara's {@code kubernetes:} cluster
 *     mode), with CIRCLE_CLUSTER_ADDRESS, the pod's own address, to bind to.</li>
 * </ul>
 * Pure, so every bad setting is refused with a sentence before anything starts. Without any of
 * the variables there is nothing to say ({@link #from} returns null) and the bundle starts
 * exactly as built: grid off.
 */
public sealed interface ClusterSettings permits TcpIpCluster, KubernetesCluster {

    /** A setting that cannot be used; the message names the variable and the value. */
    final class Refused extends IllegalArgumentException {
        Refused(String message) { super(message); }
    }

    /**
     * A dead member must be noticed well inside the 60-second resume window. Hazelcast's default
     * is 60 s without a heartbeat (beats every 5 s); a killed process is seen at once by its closed
     * connections, this bounds a hung or cut-off one.
     */
    int HEARTBEAT_SECONDS = 2;
    int MAX_NO_HEARTBEAT_SECONDS = 15;
    String CLUSTER_NAME = "circle";

    Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** Payara Micro's boot properties for these settings. */
    Map<String, String> bootProperties();

    /** One line for the log: how this instance finds the others. */
    String describe();

    /** The settings the environment asks for, or null when clustering is not asked for. */
    static ClusterSettings from(Map<String, String> env) {
        String kubernetes = blankToNull(env.get("CIRCLE_CLUSTER_KUBERNETES"));
        String members = blankToNull(env.get("CIRCLE_CLUSTER_MEMBERS"));
        if (kubernetes != null && members != null) {
            throw new Refused("CIRCLE_CLUSTER_KUBERNETES and CIRCLE_CLUSTER_MEMBERS are both set: members are either found through Kubernetes or listed, set only one of them");
        }
        if (kubernetes != null) {
            return KubernetesCluster.from(kubernetes, blankToNull(env.get("CIRCLE_CLUSTER_ADDRESS")), blankToNull(env.get("CIRCLE_CLUSTER_PORT")));
        }
        if (blankToNull(env.get("CIRCLE_CLUSTER_ADDRESS")) != null) {
            throw new Refused("CIRCLE_CLUSTER_ADDRESS is set but CIRCLE_CLUSTER_KUBERNETES is not: the address is only for members found through Kubernetes (with CIRCLE_CLUSTER_MEMBERS each member's address is in the list)");
        }
        return TcpIpCluster.from(members, blankToNull(env.get("CIRCLE_CLUSTER_PORT")));
    }

    /**
     * Pre-boot commands: the bundle's own pre-boot file turns the grid off whatever the flags say
     * (the --nocluster guard); this runs after it and turns it back on, and stops Payara from
     * moving to the next port when the given one is taken (that port may be another member's, or
     * the one the others look for).
     */
    default List<String> preBootCommands() {
        return List.of(
                "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true",
                "set hazelcast-runtime-configuration.auto-increment-port=false");
    }

    /** The boot properties every way of joining shares: the grid on, its name, its port, and how fast a dead member is given up. */
    static Map<String, String> common(String clusterMode, int port, String interfaces, boolean hostAware) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("payaramicro.noHazelcast", "false");
        props.put("payaramicro.clusterMode", clusterMode);
        props.put("payaramicro.startPort", String.valueOf(port));
        props.put("payaramicro.interfaces", interfaces);
        props.put("payaramicro.clusterName", CLUSTER_NAME);
        props.put("payaramicro.hostAware", String.valueOf(hostAware));
        props.put("hazelcast.heartbeat.interval.seconds", String.valueOf(HEARTBEAT_SECONDS));
        props.put("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
        return props;
    }

    static int port(String what, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // refused below: a range such as 5701-5703 lands here too
        }
        throw new Refused(what + ": '" + value + "' is not a port (1-65535; one port, not a range)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
