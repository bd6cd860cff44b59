package uk.orderwatch.support.config;

import java.time.Duration;

/** The checks every service's settings record makes when it is bound: each failure names the setting. */
public final class Settings {

    private Settings() {
    }

    /**
     * The one timer setting of every service ({@code orderwatch.timers.interval}): how often its scheduled work (the
     * timers stored as data on its documents) is looked for. Each service's timers live in its {@code timers}
     * package and claim each timer with a conditional write, so every instance may run them.
     */
    public record Timers(Duration interval) {
        public Timers {
            positive("orderwatch.timers.interval", interval);
        }
    }

    public static <T> T require(String name, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }

    public static Duration positive(String name, Duration value) {
        require(name, value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
        }
        return value;
    }

    public static void positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be more than zero, not " + value);
        }
    }
}
