package org.circle.cluster.launch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIRCLE_CLUSTER_MEMBERS and CIRCLE_CLUSTER_PORT: TCP/IP join among exactly the listed members,
 * this instance on its own port, bound only to the listed addresses that carry that port.
 */
public record TcpIpCluster(List<Member> members, int ownPort) implements ClusterSettings {

    /** One data-grid address: an IPv4 literal (Hazelcast binds to it as an interface) and a port. */
    public record Member(String host, int port) {
        @Override
        public String toString() { return host + ":" + port; }
    }

    public TcpIpCluster {
        members = List.copyOf(members);
    }

    /** From the two variables (either may be null); null when neither is set. */
    static TcpIpCluster from(String members, String port) {
        if (members == null && port == null) return null;
        if (members == null) throw new Refused("CIRCLE_CLUSTER_PORT is set but CIRCLE_CLUSTER_MEMBERS is not: list every member's data-grid address, e.g. 127.0.0.1:5701,127.0.0.1:5702");
        if (port == null) throw new Refused("CIRCLE_CLUSTER_MEMBERS is set but CIRCLE_CLUSTER_PORT is not: give this instance's own data-grid port, one of the members' ports");
        List<Member> list = new ArrayList<>();
        for (String entry : members.split(",")) list.add(member(entry.trim()));
        if (new LinkedHashSet<>(list).size() != list.size()) throw new Refused("CIRCLE_CLUSTER_MEMBERS names a member twice: " + members);
        int own = ClusterSettings.port("CIRCLE_CLUSTER_PORT", port);
        if (list.stream().noneMatch(m -> m.port() == own)) {
            throw new Refused("CIRCLE_CLUSTER_PORT " + own + " is not the port of any member in CIRCLE_CLUSTER_MEMBERS (" + members + "): list this instance too");
        }
        return new TcpIpCluster(list, own);
    }

    /**
     * The addresses this instance may bind to are the members' hosts that carry its own port
     * (Hazelcast picks the one this machine has); host-aware partitioning goes off when members
     * share a host, or no backup would ever be kept.
     */
    @Override
    public Map<String, String> bootProperties() {
        return ClusterSettings.common("tcpip:" + String.join(",", members.stream().map(Member::toString).toList()),
                ownPort, String.join(",", ownHosts()), !sharesAHost());
    }

    @Override
    public String describe() {
        return "TCP/IP join among " + members + ", this member on port " + ownPort;
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
        return new Member(host, ClusterSettings.port("CIRCLE_CLUSTER_MEMBERS entry '" + entry + "'", entry.substring(colon + 1)));
    }
}
