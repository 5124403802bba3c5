package org.circle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Clustered;
import org.circle.testing.Http;
import org.circle.testing.Listening;
import org.junit.jupiter.api.Test;

/**
 * Clustering switched on by configuration, as the README starts it: two instances on this
 * machine, each given every member's data-grid address and its own port, form one data grid
 * through TCP/IP join, bound to 127.0.0.1 and to nothing else; a member killed with -9 is seen
 * to go by the one that stays, which keeps serving. (Sharing live sessions through this grid:
 * SharedSessionIT.)
 */
class ClusterIT {

    @Test
    void twoInstancesOnLoopbackFormOneDataGridThatListensOnLoopbackOnlyAndNoticesADeadMember() throws Exception {
        int gridA = CircleProcess.freePort();
        int gridB = CircleProcess.freePort();
        assertNotEquals(gridA, gridB);
        String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        try (CircleProcess a = member("cluster-a", members, gridA); CircleProcess b = member("cluster-b", members, gridB)) {
            CompletableFuture<CircleProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.join();

            assertEquals(2, Clustered.awaitMembers(a, 2), "A sees both members");
            assertEquals(2, Clustered.awaitMembers(b, 2), "B sees both members");
            assertEquals("15", Clustered.dataGrid(a).getString("failure-detection-seconds"), "a silent member is given up well inside the 60 s resume window");
            for (var instance : List.of(Map.entry(a, gridA), Map.entry(b, gridB))) {
                CircleProcess server = instance.getKey();
                int grid = instance.getValue();
                var sockets = Listening.sockets(server.pid());
                assertEquals(List.of(server.port(), grid).stream().sorted().toList(), Listening.ports(server.pid()),
                        "an instance listens on its HTTP port and its data-grid port, nothing else: " + sockets);
                assertTrue(sockets.stream().filter(s -> s.port() == grid).allMatch(Listening.Socket::loopbackOnly),
                        "the data grid is bound to 127.0.0.1 only: " + sockets);
            }
            String log = a.log();
            assertTrue(log.contains("DG Name: circle DG Size: 2"), "A's log shows the two-member grid 'circle'");
            assertTrue(log.contains("Address: /127.0.0.1:" + gridB), "A's log names B at its loopback address");
            assertTrue(log.contains("discovery-mode=tcpip"), "TCP/IP join: no multicast, no discovery");
            assertFalse(log.toLowerCase().contains("multicast"), "nothing of multicast in the log");

            Instant killed = Instant.now();
            assertEquals(137, b.kill());
            assertEquals(1, Clustered.awaitMembers(a, 1), "A notices that B is gone");
            System.out.printf("ClusterIT: A saw B's kill -9 after %d ms%n", Duration.between(killed, Instant.now()).toMillis());
            assertEquals(200, new Http(a.baseUrl()).get("/health/ready").status(), "A keeps serving, ready, alone");
            assertEquals("on", Clustered.dataGrid(a).getString("state"));
        }
    }

    @Test
    void aClusterSettingThatCannotBeUsedStopsTheStartWithASentence() throws Exception {
        CircleProcess refused = new CircleProcess("cluster-refused", Map.of("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE,
                "CIRCLE_CLUSTER_MEMBERS", "127.0.0.1:5701-5703", "CIRCLE_CLUSTER_PORT", "5701"));
        assertEquals(2, refused.startExpectingExit(Duration.ofSeconds(60)));
        assertTrue(refused.log().contains("Circle cannot start: CIRCLE_CLUSTER_MEMBERS entry '127.0.0.1:5701-5703': '5701-5703' is not a port"),
                refused.log());
        assertFalse(refused.log().contains("Payara Micro"), "refused before Payara started");
    }

    private static CircleProcess member(String name, String members, int gridPort) {
        return new CircleProcess(name, Map.of("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE,
                "CIRCLE_CLUSTER_MEMBERS", members, "CIRCLE_CLUSTER_PORT", String.valueOf(gridPort)));
    }
}
