package uk.orderwatch.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events that the fast path did not: any outbox entry older than the grace period (long enough for a
 * normal send to have been acknowledged) is sent again, in order, and removed once acknowledged. Runs on every
 * instance; a duplicate send is harmless because consumers deduplicate on the event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final List<OutboxCollection> collections;
    private final OutboxPublisher publisher;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration grace;
    private final PendingWork pendingWork;
    private final PendingWork.Gate gate;

    public OutboxRelay(List<OutboxCollection> collections, OutboxPublisher publisher, MongoTemplate mongo, Clock clock,
                       Duration grace, PendingWork pendingWork) {
        this.pendingWork = pendingWork;
        this.gate = pendingWork.gate();
        this.collections = collections;
        this.publisher = publisher;
        this.mongo = mongo;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${orderwatch.outbox.relay-interval}",
            initialDelayString = "${orderwatch.outbox.relay-interval}")
    public void relayPending() {
        if (!gate.open()) {
            return;
        }
        for (OutboxCollection collection : collections) {
            try {
                relay(collection.name());
            } catch (RuntimeException e) {
                pendingWork.recorded();
                log.warn("Outbox relay of {} failed, will try again: {}", collection.name(), e.toString());
            }
        }
    }

    private void relay(String collection) {
        Date cutoff = Date.from(clock.instant().minus(grace));
        var query = new Document(OutboxCollection.FIELD + ".createdAt", new Document("$lt", cutoff));
        var projection = new Document(OutboxCollection.FIELD, 1);
        MongoConverter converter = mongo.getConverter();
        List<CompletableFuture<Void>> marked = new ArrayList<>();
        try {
            relay(collection, query, projection, converter, marked);
        } finally {
            CompletableFuture.allOf(marked.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
    }

    private void relay(String collection, Document query, Document projection, MongoConverter converter,
                       List<CompletableFuture<Void>> marked) {
        for (Document doc : mongo.getCollection(collection).find(query).projection(projection).limit(BATCH)) {
            pendingWork.recorded();
            String id = doc.get("_id").toString();
            List<OutboxEvent> pending = doc.getList(OutboxCollection.FIELD, Document.class).stream()
                    .map(d -> converter.read(OutboxEvent.class, d)).toList();
            try {
                marked.add(publisher.publishNow(collection, id, pending));
                log.info("Relayed {} pending event(s) of {}/{}", pending.size(), collection, id);
            } catch (Exception e) {
                log.warn("Relay could not publish the events of {}/{} yet: {}", collection, id, e.getMessage());
                return;
            }
        }
    }
}
