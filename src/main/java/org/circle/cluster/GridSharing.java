package org.circle.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.care.control.DataKeys;
import org.circle.care.control.DataSeal;
import org.circle.session.SessionState;
import org.circle.signaling.control.Room;
import org.circle.signaling.control.Rooms;
import org.circle.signaling.control.SharedRoom;
import org.circle.signaling.control.Sharing;

/**
 * Live sessions in Payara's data grid (contract section 3), when the grid is on: one entry per
 * session in the map {@value #SESSIONS}, keyed by session id and written only under the map's
 * lock on that key (the session's single writer across the cluster); a listener that hands every
 * changed entry to this instance's room of it, so that its people hear what another instance
 * decided; one topic per instance for the signals relayed to its sockets; and a membership
 * listener that tells the rooms when an instance died. Entries are sealed with the data key, as
 * the database's rows are: what members wrote crosses the network between instances only sealed.
 * With the grid off, {@link #on()} is false and the rooms share nothing.
 */
@ApplicationScoped
public class GridSharing implements Sharing {

    private static final Logger LOG = Logger.getLogger(GridSharing.class.getName());
    static final String SESSIONS = "circle-live-sessions";
    private static final String SIGNALS = "circle-signals-";
    private static final String FIELD = "live-session";
    /** An ended session's entry stays a while, for an instance that has yet to hear of the end. */
    private static final long ENDED_KEPT_MINUTES = 60;

    @Inject
    DataGrid grid;

    @Inject
    Rooms rooms;

    @Inject
    DataKeys keys;

    @Resource
    ManagedExecutorService work;

    private HazelcastInstance member;
    private String here = "alone";
    private volatile boolean joined;

    /** Joins in as the application starts: the listeners must be there before the first person is. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        on();
    }

    /** Whether the grid is on; the first call (whoever makes it first at start) sets up the listeners. */
    @Override
    public boolean on() {
        if (!joined) join();
        return member != null;
    }

    private synchronized void join() {
        if (joined) return;
        member = grid.member().orElse(null);
        joined = true;
        if (member == null) return;
        here = member.getCluster().getLocalMember().getUuid().toString();
        sessions().addEntryListener(new Changes(), true);
        member.<String>getTopic(SIGNALS + here()).addMessageListener(m -> relayed(m.getMessageObject()));
        member.getCluster().addMembershipListener(new Departures());
        LOG.info(() -> "live sessions are shared through the data grid as " + here());
    }

    @Override
    public String here() { return on() ? here : "alone"; }

    @Override
    public SharedRoom lock(String sessionId, long known) {
        sessions().lock(sessionId);
        try {
            String stored = sessions().get(sessionId);
            return stored == null || versionOf(stored) <= known ? null : open(sessionId, stored);
        } catch (RuntimeException e) {
            sessions().unlock(sessionId);
            throw e;
        }
    }

    @Override
    public void put(String sessionId, SharedRoom entry) {
        String stored = entry.version() + ":" + keys.seal().sealBytes(entry.write(), sessionId, FIELD);
        if (entry.room().session().state() == SessionState.ENDED) sessions().set(sessionId, stored, ENDED_KEPT_MINUTES, TimeUnit.MINUTES);
        else sessions().set(sessionId, stored);
    }

    @Override
    public void unlock(String sessionId) { sessions().unlock(sessionId); }

    @Override
    public SharedRoom read(String sessionId) { return !on() ? null : open(sessionId, sessions().get(sessionId)); }

    @Override
    public boolean holds(String sessionId) { return on() && sessions().containsKey(sessionId); }

    @Override
    public Collection<String> sessionIds() { return !on() ? List.of() : List.copyOf(sessions().keySet()); }

    @Override
    public void relay(String instance, String sessionId, String participant, String frame) {
        member.<String>getTopic(SIGNALS + instance).publish(sessionId + "\n" + participant + "\n" + frame);
    }

    private IMap<String, String> sessions() { return member.getMap(SESSIONS); }

    /**
     * An entry is stored as its version in the clear, then the sealed room: an instance that is
     * up to date (the one that wrote it last, or one whose listener already took it) sees so from
     * the number and never decrypts and deserialises the entry; only a newer one is opened. The
     * number says how many commands a session has had, nothing more, and the grid is reachable
     * only by the instances (see docs/operations.md). An entry without the number is opened.
     */
    static long versionOf(String stored) {
        int colon = stored.indexOf(':');
        for (int i = 0; i < colon; i++) if (!Character.isDigit(stored.charAt(i))) return Long.MAX_VALUE;
        return colon <= 0 || colon > 18 ? Long.MAX_VALUE : Long.parseLong(stored.substring(0, colon));
    }

    private static String sealedOf(String stored) {
        return versionOf(stored) == Long.MAX_VALUE ? stored : stored.substring(stored.indexOf(':') + 1);
    }

    private SharedRoom open(String sessionId, String stored) {
        if (stored == null) return null;
        try {
            return SharedRoom.read(keys.seal().openBytes(sealedOf(stored), sessionId, FIELD));
        } catch (DataSeal.Unreadable e) {
            throw new IllegalStateException("session " + sessionId + "'s entry in the data grid does not open with this instance's "
                    + "data key: every instance needs the same CIRCLE_DATA_KEY", e);
        }
    }

    private void relayed(String message) {
        String[] parts = message.split("\n", 3);
        rooms.existing(parts[0]).ifPresent(room -> room.relayed(parts[1], parts[2]));
    }

    /** Another instance changed a session: this instance's people of it hear what it decided. */
    private final class Changes implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) { seen(event); }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) { seen(event); }

        private void seen(EntryEvent<String, String> event) {
            if (event.getMember().localMember()) return; // this instance wrote it, and its room delivered it
            try {
                String key = event.getKey(), stored = event.getValue();
                // Opened later, and only if the room still needs it: not on Hazelcast's event thread.
                rooms.existing(key).ifPresent(room -> room.sawEntry(new Room.Seen(versionOf(stored), () -> open(key, stored))));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not take session " + event.getKey() + "'s change from the data grid", e);
            }
        }
    }

    /** An instance left or died: the sockets it held are gone, and every session it served must hear so. */
    private final class Departures implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) { }

        @Override
        public void memberRemoved(MembershipEvent event) {
            String gone = event.getMember().getUuid().toString();
            LOG.info(() -> "instance " + gone + " left the data grid; its people are away until they come back");
            work.execute(() -> {
                for (String sessionId : sessionIds()) {
                    try {
                        rooms.open(sessionId).ifPresent(room -> room.instanceLost(gone));
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "could not tell session " + sessionId + " that an instance died", e);
                    }
                }
            });
        }
    }
}
