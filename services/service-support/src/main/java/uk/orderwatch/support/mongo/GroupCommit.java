package uk.orderwatch.support.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes what many threads write at about the same time in one round trip (group commit, ADR 20). One writer at a
 * time, on {@code writer}'s thread, takes everything waiting and writes it, batch after batch, until nothing waits; a
 * lone item is written at once (nothing waits to fill a batch). No caller's thread does another's writing, so a
 * caller is never held by a stream of others' items. When a batch cannot be written, every item in it fails.
 *
 * @param <T> what is written
 */
public final class GroupCommit<T> {

    /** At most this many items in one write. */
    public static final int BATCH = 500;

    private record Waiting<T>(T item, CompletableFuture<Void> written) {
    }

    private final Consumer<List<T>> writeBatch;
    private final Executor writer;
    private final Queue<Waiting<T>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    /** {@code writeBatch} writes one batch in one round trip, or throws. */
    public GroupCommit(Consumer<List<T>> writeBatch, Executor writer) {
        this.writeBatch = writeBatch;
        this.writer = writer;
    }

    /** Writes {@code item} with whatever else is waiting; returns once it is written, or throws what the write did. */
    public void write(T item) {
        try {
            submit(item).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Has {@code item} written with whatever else is waiting, without waiting; completes once it is written. */
    public CompletableFuture<Void> submit(T item) {
        var mine = new Waiting<>(item, new CompletableFuture<Void>());
        waiting.add(mine);
        writeSoon();
        return mine.written();
    }

    /** How many items wait for a write. */
    int waiting() {
        return waiting.size();
    }

    private void writeSoon() {
        if (waiting.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.execute(this::writeAll);
        } catch (RuntimeException e) {
            // shutting down: what is not written fails, and each caller knows
            writing.set(false);
            Waiting<T> next;
            while ((next = waiting.poll()) != null) {
                next.written().completeExceptionally(e);
            }
        }
    }

    private void writeAll() {
        try {
            List<Waiting<T>> batch = take();
            while (!batch.isEmpty()) {
                write(batch);
                batch = take();
            }
        } finally {
            writing.set(false);
            // an item added after the last take and before the release would otherwise wait for the next caller
            writeSoon();
        }
    }

    private List<Waiting<T>> take() {
        List<Waiting<T>> batch = new ArrayList<>();
        Waiting<T> next;
        while (batch.size() < BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Waiting<T>> batch) {
        try {
            writeBatch.accept(batch.stream().map(Waiting::item).toList());
            batch.forEach(w -> w.written().complete(null));
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.written().completeExceptionally(e));
        }
    }
}
