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

    private static ClusterSettings kubernetes(String setting, String address, String port) {
        var env = new java.util.HashMap<String, String>();
        env.put("CIRCLE_CLUSTER_KUBERNETES", setting);
        if (address != null) env.put("CIRCLE_CLUSTER_ADDRESS", address);
        if (port != null) env.put("CIRCLE_CLUSTER_PORT", port);
        return ClusterSettings.from(env);
    }

    @Test
    void aKubernetesServiceBecomesPayarasKubernetesClusterModeBoundToThePodsAddress() {
        Map<String, String> props = kubernetes("clinic-a/circle-grid", "10.1.2.3", null).bootProperties();
        assertEquals("false", props.get("payaramicro.noHazelcast"));
        assertEquals("kubernetes:clinic-a,circle-grid", props.get("payaramicro.clusterMode"), "Payara's --clustermode kubernetes:namespace,service");
        assertEquals("6900", props.get("payaramicro.startPort"), "Payara's own grid port unless told");
        assertEquals("10.1.2.3", props.get("payaramicro.interfaces"), "the pod's address, not the bundle's 127.0.0.1");
        assertEquals("circle", props.get("payaramicro.clusterName"));
        assertEquals("false", props.get("payaramicro.hostAware"));
        assertTrue(Integer.parseInt(props.get("hazelcast.max.no.heartbeat.seconds")) <= 20, "a dead pod is noticed well inside 60 s");
        assertEquals("5701", kubernetes(" clinic-a/circle-grid ", "10.1.2.3", "5701").bootProperties().get("payaramicro.startPort"));
        assertEquals(settings("127.0.0.1:5701", "5701").preBootCommands(), kubernetes("a/b", "10.0.0.1", null).preBootCommands(),
                "the grid is turned back on after the bundle's guard and keeps its port, as with listed members");
    }

    @Test
    void aKubernetesSettingThatCannotBeUsedIsRefusedWithASentence() {
        for (String malformed : new String[] {"circle", "circle/", "/circle-grid", "Clinic/circle-grid", "clinic/circle_grid",
                "a/b/c", "-clinic/grid", "clinic/grid-", "x".repeat(64) + "/grid"}) {
            var refused = assertThrows(ClusterSettings.Refused.class, () -> kubernetes(malformed, "10.1.2.3", null), malformed);
            assertTrue(refused.getMessage().startsWith("CIRCLE_CLUSTER_KUBERNETES '" + malformed + "' is not namespace/service, e.g. circle/circle-grid"),
                    refused.getMessage());
        }
        assertKubernetesRefused("clinic/grid", null, null, "CIRCLE_CLUSTER_ADDRESS is not");
        assertKubernetesRefused("clinic/grid", "fd00::1", null, "CIRCLE_CLUSTER_ADDRESS 'fd00::1' is not an IPv4 address");
        assertKubernetesRefused("clinic/grid", "10.1.2.3", "6900-6902", "CIRCLE_CLUSTER_PORT: '6900-6902' is not a port");
        var both = assertThrows(ClusterSettings.Refused.class, () -> ClusterSettings.from(Map.of("CIRCLE_CLUSTER_KUBERNETES", "clinic/grid",
                "CIRCLE_CLUSTER_ADDRESS", "10.1.2.3", "CIRCLE_CLUSTER_MEMBERS", "10.1.2.3:6900", "CIRCLE_CLUSTER_PORT", "6900")));
        assertTrue(both.getMessage().contains("set only one of them"), both.getMessage());
        var stray = assertThrows(ClusterSettings.Refused.class, () -> ClusterSettings.from(Map.of("CIRCLE_CLUSTER_ADDRESS", "10.1.2.3")));
        assertTrue(stray.getMessage().startsWith("CIRCLE_CLUSTER_ADDRESS is set but CIRCLE_CLUSTER_KUBERNETES is not"), stray.getMessage());
    }

    private static void assertKubernetesRefused(String setting, String address, String port, String expected) {
        var refused = assertThrows(ClusterSettings.Refused.class, () -> kubernetes(setting, address, port));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static void assertRefused(String members, String port, String expected) {
        var refused = assertThrows(ClusterSettings.Refused.class, () -> settings(members, port));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
