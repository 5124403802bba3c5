package org.circle.signaling.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The rooms' store in Circle's database. A room calls it under its lock from whatever thread
 * applies the command (a socket's, a timer's, or one finishing another transaction); the work
 * runs on a container thread of its own, with a transaction of its own, and the caller waits.
 */
@ApplicationScoped
public class DatabaseRoomStore implements RoomStore {

    /** Longer than any healthy write; a database that does not answer in time has not recorded the command. */
    private static final long WRITE_SECONDS = 15;

    @Inject
    RoomRecords records;

    @Resource
    ManagedExecutorService executor;

    @Override
    public void commit(String sessionId, Commit commit) {
        String form = SerialForm.write(commit.room());
        call(() -> {
            records.commit(sessionId, form, RoomRecords.ended(commit), commit);
            return null;
        });
    }

    @Override
    public Optional<Saved> load(String sessionId) {
        return call(() -> records.find(sessionId))
                .map(row -> new Saved(SerialForm.read(row.savedForm(), StoredRoom.class), row.lastAlive()));
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

    private <T> T call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor).get(WRITE_SECONDS, TimeUnit.SECONDS);
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
