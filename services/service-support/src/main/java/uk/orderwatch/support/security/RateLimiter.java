package uk.orderwatch.support.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a user, or a calling address): {@code burst} requests at once, then {@code perSecond}. A
 * key over the limit is told how long to wait. Buckets are kept in memory per service instance.
 */
public final class RateLimiter {

    private final int burst;
    private final double perSecond;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int burst, double perSecond, Clock clock) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst must be >= 1 and perSecond > 0");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes one request for {@code user}: empty when allowed, else how long until the next one is. */
    public java.util.Optional<Duration> acquire(String user) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(burst, now));
        synchronized (bucket) {
            double refill = (now - bucket.updatedAt) / 1000.0 * perSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refill));
            bucket.updatedAt = Math.max(bucket.updatedAt, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return java.util.Optional.empty();
            }
            long waitMillis = (long) Math.ceil((1 - bucket.tokens) / perSecond * 1000);
            return java.util.Optional.of(Duration.ofMillis(waitMillis));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
