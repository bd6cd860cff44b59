package uk.orderwatch.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How far behind the outboxes are, for Prometheus: per collection, how many documents hold events not yet published
 * ({@code orderwatch.outbox.backlog}) and how old the oldest of them is ({@code orderwatch.outbox.oldest.age}, in
 * seconds; 0 when none waits). An event waits a moment on the fast path; one older than the relay's grace was missed
 * by it (a crash, Kafka down) and the relay is at work. Counted every 15 s.
 */
public class OutboxMetrics {

    /** How many waiting documents are looked at for the oldest event. */
    static final int SCANNED = 1000;

    private final List<OutboxCollection> collections;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, AtomicLong> backlog = new HashMap<>();
    private final Map<String, AtomicLong> oldestAge = new HashMap<>();

    public OutboxMetrics(List<OutboxCollection> collections, MongoTemplate mongo, Clock clock,
                         MeterRegistry registry) {
        this.collections = collections;
        this.mongo = mongo;
        this.clock = clock;
        for (OutboxCollection c : collections) {
            List<Tag> tags = List.of(Tag.of("collection", c.name()));
            backlog.put(c.name(), registry.gauge("orderwatch.outbox.backlog", tags, new AtomicLong()));
            oldestAge.put(c.name(), registry.gauge("orderwatch.outbox.oldest.age.seconds", tags, new AtomicLong()));
        }
    }

    @Scheduled(fixedDelay = 15, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    public void count() {
        String first = OutboxCollection.FIELD + ".0";
        for (OutboxCollection c : collections) {
            var waiting = new Document(first, new Document("$exists", true));
            var collection = mongo.getCollection(c.name());
            backlog.get(c.name()).set(collection.countDocuments(waiting));
            // the oldest among the first documents that wait: the backlog is small unless something is wrong, and
            // then any of these is old enough to say so
            Date oldest = null;
            for (Document doc : collection.find(waiting).projection(new Document(OutboxCollection.FIELD, 1))
                    .limit(SCANNED)) {
                for (Document event : doc.getList(OutboxCollection.FIELD, Document.class, List.of())) {
                    Date createdAt = event.getDate("createdAt");
                    if (createdAt != null && (oldest == null || createdAt.before(oldest))) {
                        oldest = createdAt;
                    }
                }
            }
            long age = oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
            oldestAge.get(c.name()).set(age);
        }
    }
}
