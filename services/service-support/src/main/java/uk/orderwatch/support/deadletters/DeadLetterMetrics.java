package uk.orderwatch.support.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Dead letters by topic for Prometheus ({@code orderwatch.dead.letters}, the records each of this service's
 * dead-letter topics has taken), counted every minute: a rise means a consumer refused a record that an operator
 * should look at ({@code GET /admin/dead-letters}).
 */
public class DeadLetterMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

    private final DeadLetters deadLetters;
    private final Map<String, AtomicLong> counts = new HashMap<>();

    public DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        for (String topic : deadLetters.topics()) {
            counts.put(topic, registry.gauge("orderwatch.dead.letters", List.of(Tag.of("topic", topic)),
                    new AtomicLong()));
        }
    }

    @Scheduled(fixedDelay = 60, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
    public void count() {
        if (counts.isEmpty()) {
            return;
        }
        try {
            deadLetters.counts().forEach((topic, n) -> counts.get(topic).set(n));
        } catch (RuntimeException e) {
            // the broker is away: the gauges keep their last value until it answers
            log.debug("dead letters not counted: {}", e.toString());
        }
    }
}
