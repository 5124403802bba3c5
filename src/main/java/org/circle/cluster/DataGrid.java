package org.circle.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's data-grid member in this instance, when the grid is on. Looked up by its JNDI name
 * rather than injected: with the grid off (the single-instance default) there is nothing to
 * inject, and an unsatisfied injection would stop the application from deploying.
 */
@ApplicationScoped
public class DataGrid {

    /** Where Payara binds its Hazelcast instance (hazelcast-config-specific-configuration jndi-name). */
    static final String JNDI_NAME = "payara/Hazelcast";

    /** The running member, or empty when the grid is off or has stopped. */
    public Optional<HazelcastInstance> member() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) return Optional.of(hz);
        } catch (NamingException e) {
            // not bound: the grid is off
        }
        return Optional.empty();
    }

    /**
     * After how many seconds without a heartbeat a member is given up, as Hazelcast applies it
     * (its config, else the system property the launcher sets); 0 with the grid off.
     */
    public long failureDetectionSeconds() {
        return member().map(hz -> new HazelcastProperties(hz.getConfig()).getSeconds(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS)).orElse(0);
    }

    /**
     * How many live sessions' entries this instance owns (backups kept for other members not
     * counted): where the sessions' single writers are. 0 with the grid off.
     */
    public long sessionsOwned() {
        return member().map(hz -> hz.getMap(GridSharing.SESSIONS).getLocalMapStats().getOwnedEntryCount()).orElse(0L);
    }

    /** How many members this instance sees, itself included; 0 with the grid off. */
    public int members() {
        return member().map(hz -> hz.getCluster().getMembers().size()).orElse(0);
    }
}
