package org.circle.platform;

import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Payara's data grid (Hazelcast) in the health reports. Circle runs as one instance today: the
 * bundle keeps the grid off (pom.xml, MICRO-INF/pre-boot-commands.txt), the live state sits in the
 * database, and this check says so ({@code "state": "off"}) without ever failing. It asks Payara
 * rather than assuming: should a grid run after all, the report says {@code "member"} and how many
 * members it sees.
 * <p>Issue 21 (clustering) is where this starts to count: once instances share live sessions over
 * the grid, an instance that was configured to join one and is not a member of it (or sees fewer
 * members than it needs) must report DOWN here, so that the load balancer stops sending it people
 * whose sessions live elsewhere. {@link #call()} is the one place to add that rule.
 * ({@link DataGridLiveness} says the same in the liveness report.)
 */
@Readiness
@ApplicationScoped
public class DataGridHealth implements HealthCheck {

    public static final String NAME = "data-grid";
    /** Where Payara binds its Hazelcast instance while the grid runs. */
    static final String GRID = "payara/Hazelcast";

    @Override
    public HealthCheckResponse call() {
        Integer members = members();
        var answer = HealthCheckResponse.named(NAME).up();
        if (members == null) return answer.withData("state", "off").withData("clustered", false).build();
        return answer.withData("state", "member").withData("clustered", true).withData("members", members).build();
    }

    /** How many members the running grid has, or null when there is none. */
    static Integer members() {
        Object grid;
        try {
            grid = new InitialContext().lookup(GRID);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
        if (grid == null) return null;
        try {
            // Hazelcast's API is not on Circle's class path; two calls by name are all it takes.
            Object cluster = grid.getClass().getMethod("getCluster").invoke(grid);
            return ((java.util.Set<?>) cluster.getClass().getMethod("getMembers").invoke(cluster)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
