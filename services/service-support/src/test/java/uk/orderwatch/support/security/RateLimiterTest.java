package uk.orderwatch.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aUserMayWriteABurstThenWaitsForTheRefillAndOthersAreNotAffected() {
        var limiter = new RateLimiter(3, 2.0, clock);

        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).contains(Duration.ofMillis(500));
        assertThat(limiter.acquire("b")).as("another user has their own allowance").isEmpty();

        now.set(now.get().plusMillis(500));
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();

        now.set(now.get().plus(Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).as("refilled to the burst, no more").isEmpty();
        }
        assertThat(limiter.acquire("a")).isPresent();
    }
}
