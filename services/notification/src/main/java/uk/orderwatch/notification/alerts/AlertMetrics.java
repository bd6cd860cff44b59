package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.Severity;

/**
 * What operators ask of the alerts, as Prometheus reads them at {@code /actuator/prometheus}: how many were raised,
 * delivered, failed and escalated (by priority, and channel for deliveries); how long from the report (the source
 * event) to each delivery, as a histogram by priority and channel; and how many wait for an acknowledgement, by age.
 * Counted where the change is stored, so a change that was not stored is not counted.
 */
@Component
public class AlertMetrics {

    /** How long past its acknowledgement deadline an alert counts as overdue: the timers look every 5 s. */
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

    /** The ages the unacknowledged alerts are counted in: up to 5 minutes, 15, an hour, and more. */
    static final Map<String, Duration> AGES = ages();

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, AtomicLong> unacknowledged = new LinkedHashMap<>();
    private final Map<Severity, AtomicLong> overdue = new java.util.EnumMap<>(Severity.class);

    public AlertMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
        this.registry = registry;
        this.mongo = mongo;
        this.clock = clock;
        AGES.keySet().forEach(age -> unacknowledged.put(age, registry.gauge("orderwatch.alerts.unacknowledged",
                List.of(Tag.of("age", age)), new AtomicLong())));
        // every series from the start, at 0, so a rate over them is right from the first alert on
        for (Severity priority : Severity.values()) {
            raised(priority, false);
            raised(priority, true);
            failed(priority);
            escalated(priority);
            for (ChannelType channel : ChannelType.values()) {
                delivered(priority, channel);
            }
            overdue.put(priority, registry.gauge("orderwatch.alerts.acknowledgement.overdue",
                    List.of(Tag.of("priority", name(priority))), new AtomicLong()));
        }
    }

    private Counter raised(Severity priority, boolean escalated) {
        return Counter.builder("orderwatch.alerts.raised").description("alerts raised, escalations included")
                .tag("priority", name(priority)).tag("escalated", String.valueOf(escalated)).register(registry);
    }

    private Counter delivered(Severity priority, ChannelType channel) {
        return Counter.builder("orderwatch.alerts.delivered").description("deliveries that reached their recipient")
                .tag("priority", name(priority)).tag("channel", name(channel)).register(registry);
    }

    private Counter failed(Severity priority) {
        return Counter.builder("orderwatch.alerts.failed")
                .description("alerts no channel delivered, or with nobody left to escalate them to")
                .tag("priority", name(priority)).register(registry);
    }

    private Counter escalated(Severity priority) {
        return Counter.builder("orderwatch.alerts.escalated").description("alerts escalated to the next step")
                .tag("priority", name(priority)).register(registry);
    }

    private static Map<String, Duration> ages() {
        Map<String, Duration> ages = new LinkedHashMap<>();
        ages.put("under-5m", Duration.ofMinutes(5));
        ages.put("5m-15m", Duration.ofMinutes(15));
        ages.put("15m-1h", Duration.ofHours(1));
        ages.put("over-1h", null);
        return ages;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public void raised(AlertDocument alert) {
        raised(alert.priority(), alert.escalationLevel() > 0).increment();
    }

    /** A channel reached the alert's recipient at {@code at}; the report-to-delivery time is of first alerts only. */
    public void delivered(AlertDocument alert, ChannelType channel, Instant at) {
        delivered(alert.priority(), channel).increment();
        if (alert.sourceEventAt() != null && alert.escalationLevel() == 0) {
            Timer.builder("orderwatch.alert.delivery.latency")
                    .description("from the report (the source event) to the alert reaching its recipient")
                    .tag("priority", name(alert.priority())).tag("channel", name(channel))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                    .register(registry).record(latency(alert.sourceEventAt(), at));
        }
    }

    /** From the report to now; never below zero, as another host's clock a little ahead would make it. */
    static Duration latency(Instant reported, Instant at) {
        Duration d = Duration.between(reported, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** No channel could deliver the alert, or nobody was left to escalate it to. */
    public void failed(AlertDocument alert) {
        failed(alert.priority()).increment();
    }

    public void escalated(AlertDocument alert) {
        escalated(alert.priority()).increment();
    }

    /**
     * Counts the alerts that wait for an acknowledgement, by how long
     * since they were raised: one query per age, every 30 s, on whichever instance (each reports the same).
     */
    @Scheduled(fixedDelay = 30, initialDelay = 5, timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    public void countUnacknowledged() {
        Instant now = clock.instant();
        Instant newer = now;
        for (var age : AGES.entrySet()) {
            // an acknowledgement deadline is set while one is awaited: not for LOW, nor once acknowledged or escalated
            var criteria = where("acknowledgeBy").ne(null);
            var raised = where("raisedAt").lte(newer);
            if (age.getValue() != null) {
                Instant older = now.minus(age.getValue());
                raised = raised.gt(older);
                newer = older;
            }
            unacknowledged.get(age.getKey()).set(mongo.count(query(criteria.andOperator(raised)),
                    AlertDocument.class));
        }
        // past the deadline by more than the timers' interval and then some: the escalation is not happening
        Instant late = now.minus(OVERDUE_AFTER);
        for (Severity priority : Severity.values()) {
            overdue.get(priority).set(mongo.count(query(where("acknowledgeBy").lt(late).and("priority")
                    .is(priority.name())), AlertDocument.class));
        }
    }
}
