package uk.orderwatch.support.audit;

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
 * Writes what many threads write at the same time in one round trip (group commit, issue 20), and still returns to
 * each caller only once its own item is written. One writer at a time, on {@code writer}'s thread, takes everything
 * waiting and writes it, batch after batch, until nothing waits; a lone item is written at once (nothing waits to
 * fill a batch). No caller's thread does another's writing, so a caller is never held by a stream of others' items.
 * When a batch cannot be written, every caller in it gets the failure.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {

    /** At most this many items in one write. */
    static final int BATCH = 200;

    private record Waiting<T>(T item, CompletableFuture<Void> written) {
    }

    private final Consumer<List<T>> writeBatch;
    private final Executor writer;
    private final Queue<Waiting<T>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    GroupCommit(Consumer<List<T>> writeBatch, Executor writer) {
        this.writeBatch = writeBatch;
        this.writer = writer;
    }

    /** Writes {@code item}, with whatever else is waiting; returns once it is written, or throws what the write did. */
    void write(T item) {
        var mine = new Waiting<>(item, new CompletableFuture<Void>());
        waiting.add(mine);
        writeSoon();
        try {
            mine.written().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
