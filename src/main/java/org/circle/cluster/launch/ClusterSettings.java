package org.circle.cluster.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What CIRCLE_CLUSTER_MEMBERS and CIRCLE_CLUSTER_PORT mean to Payara Micro: the boot properties
 * that turn its data grid on with TCP/IP join among exactly those members. Pure, so every bad
 * setting is refused with a sentence before anything starts.
 *
 * <p>Without either variable there is nothing to say ({@link #from} returns null) and the bundle
 * starts exactly as built: grid off.
 */
public record ClusterSettings(List<Member> members, int ownPort) {

    /** One data-grid address: an IPv4 literal (Hazelcast binds to it as an interface) and a port. */
    public record Member(String host, int port) {
        @Override
        public String toString() { return host + ":" + port; }
    }

    /** A setting that cannot be used; the message names the variable and the value. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) { super(message); }
    }

    /**
     * A dead member must be noticed well inside the 60-second resume window. Hazelcast's default
     * is 60 s without a heartbeat (beats every 5 s); a killed process is seen at once by its closed
     * connections, this bounds a hung or cut-off one.
     */
    static final int HEARTBEAT_SECONDS = 2;
    static final int MAX_NO_HEARTBEAT_SECONDS = 15;
    static final String CLUSTER_NAME = "circle";

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /** The settings the environment asks for, or null when clustering is not asked for. */
    public static ClusterSettings from(Map<String, String> env) {
        String members = blankToNull(env.get("CIRCLE_CLUSTER_MEMBERS"));
        String port = blankToNull(env.get("CIRCLE_CLUSTER_PORT"));
        if (members == null && port == null) return null;
        if (members == null) throw new Refused("CIRCLE_CLUSTER_PORT is set but CIRCLE_CLUSTER_MEMBERS is not: list every member's data-grid address, e.g. 127.0.0.1:5701,127.0.0.1:5702");
        if (port == null) throw new Refused("CIRCLE_CLUSTER_MEMBERS is set but CIRCLE_CLUSTER_PORT is not: give this instance's own data-grid port, one of the members' ports");
        List<Member> list = new ArrayList<>();
        for (String entry : members.split(",")) list.add(member(entry.trim()));
        if (new LinkedHashSet<>(list).size() != list.size()) throw new Refused("CIRCLE_CLUSTER_MEMBERS names a member twice: " + members);
        int own = port("CIRCLE_CLUSTER_PORT", port);
        if (list.stream().noneMatch(m -> m.port() == own)) {
            throw new Refused("CIRCLE_CLUSTER_PORT " + own + " is not the port of any member in CIRCLE_CLUSTER_MEMBERS (" + members + "): list this instance too");
        }
        return new ClusterSettings(list, own);
    }

    /**
     * Payara Micro's boot properties for these settings. The addresses this instance may bind to
     * are the members' hosts that carry its own port (Hazelcast picks the one this machine has);
     * host-aware partitioning goes off when members share a host, or no backup would ever be kept.
     */
    public Map<String, String> bootProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("payaramicro.noHazelcast", "false");
        props.put("payaramicro.clusterMode", "tcpip:" + String.join(",", members.stream().map(Member::toString).toList()));
        props.put("payaramicro.startPort", String.valueOf(ownPort));
        props.put("payaramicro.interfaces", String.join(",", ownHosts()));
        props.put("payaramicro.clusterName", CLUSTER_NAME);
        props.put("payaramicro.hostAware", String.valueOf(!sharesAHost()));
        props.put("hazelcast.heartbeat.interval.seconds", String.valueOf(HEARTBEAT_SECONDS));
        props.put("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
        return props;
    }

    /**
     * Pre-boot commands: the bundle's own pre-boot file turns the grid off whatever the flags say
     * (the --nocluster guard); this runs after it and turns it back on, and stops Payara from
     * moving to the next port when the given one is taken (that port may be another member's).
     */
    public List<String> preBootCommands() {
        return List.of(
                "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true",
                "set hazelcast-runtime-configuration.auto-increment-port=false");
    }

    private Set<String> ownHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Member m : members) if (m.port() == ownPort) hosts.add(m.host());
        return hosts;
    }

    private boolean sharesAHost() {
        return members.stream().map(Member::host).distinct().count() < members.size();
    }

    private static Member member(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0) throw new Refused("CIRCLE_CLUSTER_MEMBERS entry '" + entry + "' is not host:port, e.g. 127.0.0.1:5701");
        String host = entry.substring(0, colon);
        if (!IPV4.matcher(host).matches()) {
            throw new Refused("CIRCLE_CLUSTER_MEMBERS entry '" + entry + "': the host must be an IPv4 address such as 127.0.0.1 (names and IPv6 are not supported yet)");
        }
        return new Member(host, port("CIRCLE_CLUSTER_MEMBERS entry '" + entry + "'", entry.substring(colon + 1)));
    }

    private static int port(String what, String value) {
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
