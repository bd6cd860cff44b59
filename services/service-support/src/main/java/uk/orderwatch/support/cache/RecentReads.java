package uk.orderwatch.support.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What was read from the store lately, kept for a short time so that the work of every alert does not read the
 * same rarely changed document again (issue 20). A change this process makes is seen at once: the writer calls
 * {@link #forget} after its write, and a read that was under way while a change was made is not kept. A change made
 * by another instance is seen within {@code keepFor}. Not for read-modify-write: a compare-and-set reads the store.
 *
 * @param <K> the key, e.g. an agency id
 * @param <V> what was read for it; null (nothing stored) is kept too
 */
public final class RecentReads<K, V> {

    private record Kept<V>(V value, long readAt) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final long keepForNanos;
    private final int maxKept;
    private final LongSupplier nanoTime;

    public RecentReads(Duration keepFor, int maxKept) {
        this(keepFor, maxKept, System::nanoTime);
    }

    RecentReads(Duration keepFor, int maxKept, LongSupplier nanoTime) {
        if (keepFor.isNegative() || maxKept < 1) {
            throw new IllegalArgumentException("keepFor must not be negative and maxKept positive");
        }
        this.keepForNanos = keepFor.toNanos();
        this.maxKept = maxKept;
        this.nanoTime = nanoTime;
    }

    /** What is kept for {@code key} if it was read within {@code keepFor}, else what {@code read} reads now. */
    public V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        Kept<V> found = kept.get(key);
        if (found != null && now - found.readAt() < keepForNanos) {
            return found.value();
        }
        long changesBefore = changes.get();
        V value = read.apply(key);
        if (keepForNanos > 0) {
            if (kept.size() >= maxKept) {
                kept.clear();
            }
            var entry = new Kept<>(value, now);
            kept.put(key, entry);
            // a change made while this read was under way: what it read may be older than the change
            if (changes.get() != changesBefore) {
                kept.remove(key, entry);
            }
        }
        return value;
    }

    /** {@code key} was changed by this process: the next read goes to the store. Called after the change. */
    public void forget(K key) {
        changes.incrementAndGet();
        kept.remove(key);
    }

    /** A change this process made may concern any key (e.g. defaults many keys fall back to): all are read again. */
    public void forgetAll() {
        changes.incrementAndGet();
        kept.clear();
    }
}
