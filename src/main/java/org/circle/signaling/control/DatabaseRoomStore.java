package org.circle.signaling.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.care.control.DataKeys;
import org.circle.care.control.DataSeal;
import org.circle.platform.Figures;
import org.circle.platform.ScanFreeContext;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The rooms' store in Circle's database. A room calls it under its lock from whatever thread
 * applies the command (a socket's, a timer's, or one finishing another transaction); the work
 * runs on a container thread of its own, with a transaction of its own, and the caller waits.
 */
@ApplicationScoped
public class DatabaseRoomStore implements RoomStore {

    private static final Logger LOG = Logger.getLogger(DatabaseRoomStore.class.getName());

    /** Longer than any healthy write; a database that does not answer in time has not recorded the command. */
    private static final long WRITE_SECONDS = 15;

    @Inject
    RoomRecords records;

    /** The saved form holds what members wrote (support notes, check-ins): sealed like the check-ins themselves. */
    @Inject
    DataKeys keys;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MetricRegistry registry;

    private static final Metadata DURABLE_WRITE = Metadata.builder().withName("circle_durable_write")
            .withDescription("One command's durable write of a live session, from asking to the database's commit").withUnit(MetricUnits.SECONDS).build();

    private volatile Timer durableWrites;

    private Timer durableWrites() {
        Timer timer = durableWrites;
        if (timer == null) durableWrites = timer = Figures.timer(registry, DURABLE_WRITE);
        return timer;
    }

    @Override
    public void commit(String sessionId, Commit commit) {
        String form = keys.seal().sealBytes(SerialForm.write(commit.room()), sessionId, "liveRoom");
        long start = System.nanoTime();
        try {
            call(() -> {
                records.commit(sessionId, form, RoomRecords.ended(commit), commit);
                return null;
            });
        } finally {
            durableWrites().update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public Optional<Saved> load(String sessionId) {
        var row = call(() -> records.find(sessionId));
        if (row.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Saved(SerialForm.read(opened(sessionId, row.get().savedForm()), StoredRoom.class), row.get().lastAlive()));
        } catch (RuntimeException | DataSeal.Unreadable e) {
            // A form this version cannot read (an incompatible upgrade): the session starts afresh
            // rather than never again; its removals still hold at the ticket desk (session_removal).
            LOG.log(Level.SEVERE, "the saved live state of session " + sessionId + " cannot be read; it starts afresh", e);
            return Optional.empty();
        }
    }

    @Override
    public List<String> unfinished() { return call(records::unfinished); }

    @Override
    public void alive(Collection<String> sessionIds, Instant at) {
        if (sessionIds.isEmpty()) return;
        List<String> ids = List.copyOf(sessionIds);
        call(() -> {
            records.alive(ids, at);
            return null;
        });
    }

    /** A form saved before forms were sealed is plain Base64, which never holds a colon (SerialForm reads it). */
    private byte[] opened(String sessionId, String stored) throws DataSeal.Unreadable {
        return stored.indexOf(':') < 0 ? stored.getBytes(StandardCharsets.US_ASCII) : keys.seal().openBytes(stored, sessionId, "liveRoom");
    }

    private <T> T call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, ScanFreeContext.handOff(executor)).get(WRITE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the database did not answer within " + WRITE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
