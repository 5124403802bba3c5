package org.circle.cluster.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ClusterSettings settings(String members, String port) {
        var env = new java.util.HashMap<String, String>();
        if (members != null) env.put("CIRCLE_CLUSTER_MEMBERS", members);
        if (port != null) env.put("CIRCLE_CLUSTER_PORT", port);
        return ClusterSettings.from(env);
    }

    @Test
    void withoutTheVariablesThereIsNoClusterAndNothingToSet() {
        assertNull(settings(null, null));
        assertNull(settings(" ", ""));
        assertNull(ClusterSettings.from(Map.of("PATH", "/bin")));
    }

    @Test
    void twoMembersOnOneHostJoinByTcpIpBoundToThatHostWithoutHostAwareness() {
        Map<String, String> props = settings("127.0.0.1:5701, 127.0.0.1:5702", "5702").bootProperties();
        assertEquals("false", props.get("payaramicro.noHazelcast"));
        assertEquals("tcpip:127.0.0.1:5701,127.0.0.1:5702", props.get("payaramicro.clusterMode"));
        assertEquals("5702", props.get("payaramicro.startPort"));
        assertEquals("127.0.0.1", props.get("payaramicro.interfaces"));
        assertEquals("false", props.get("payaramicro.hostAware"), "one host: backups must be allowed on the same address");
        assertTrue(Integer.parseInt(props.get("hazelcast.max.no.heartbeat.seconds")) <= 20, "a dead member is noticed well inside 60 s");
    }

    @Test
    void membersOnSeveralHostsBindToTheOwnAddressesAndKeepHostAwareness() {
        Map<String, String> props = settings("10.0.0.1:5701,10.0.0.2:5701,10.0.0.3:5702", "5701").bootProperties();
        assertEquals("10.0.0.1,10.0.0.2", props.get("payaramicro.interfaces"));
        assertEquals("true", props.get("payaramicro.hostAware"));
    }

    @Test
    void theGridIsTurnedBackOnAfterTheBundlesGuardAndNeverMovesToAnotherPort() {
        var commands = settings("127.0.0.1:5701", "5701").preBootCommands();
        assertTrue(commands.contains("set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true"), commands.toString());
        assertTrue(commands.contains("set hazelcast-runtime-configuration.auto-increment-port=false"), commands.toString());
    }

    @Test
    void everyBadSettingIsRefusedNamingTheVariableAndValue() {
        assertRefused(null, "5701", "CIRCLE_CLUSTER_MEMBERS is not");
        assertRefused("127.0.0.1:5701", null, "CIRCLE_CLUSTER_PORT is not");
        assertRefused("127.0.0.1:5701,127.0.0.1:5702", "5703", "5703 is not the port of any member");
        assertRefused("127.0.0.1", "5701", "'127.0.0.1' is not host:port");
        assertRefused("db.clinic.example:5701", "5701", "must be an IPv4 address");
        assertRefused("127.0.0.1:5701-5703", "5701", "'5701-5703' is not a port");
        assertRefused("127.0.0.1:0", "5701", "'0' is not a port");
        assertRefused("127.0.0.1:5701", "port", "CIRCLE_CLUSTER_PORT: 'port' is not a port");
        assertRefused("127.0.0.1:5701,127.0.0.1:5701", "5701", "names a member twice");
        assertRefused("127.0.0.1:5701,,127.0.0.1:5702", "5701", "entry '' is not host:port");
    }

    private static void assertRefused(String members, String port, String expected) {
        var refused = assertThrows(ClusterSettings.Refused.class, () -> settings(members, port));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
