package uk.orderwatch.support.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Removes published events from their documents' outboxes, as many as are waiting in one bulk write per collection
 * (issue 20): one drain at a time takes whatever was acknowledged meanwhile, so under load the events of many writes
 * are marked in one round trip, and a lone event still goes at once (nothing waits to fill a batch). A mark that
 * fails, or is never made because the process stopped, leaves the event in the outbox for the {@link OutboxRelay},
 * which sends it again; consumers deduplicate on the event id.
 */
final class PublishedMarks {

    /** At most this many marks in one bulk write. */
    static final int BATCH = 500;

    private record Mark(String collection, String id, String eventId, CompletableFuture<Void> done) {
    }

    private final MongoTemplate mongo;
    private final Executor executor;
    private final Queue<Mark> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    PublishedMarks(MongoTemplate mongo, Executor executor) {
        this.mongo = mongo;
        this.executor = executor;
    }

    /** Removes event {@code eventId} from the outbox of document {@code id}; completes once it is written. */
    CompletableFuture<Void> mark(String collection, String id, String eventId) {
        var mark = new Mark(collection, id, eventId, new CompletableFuture<>());
        waiting.add(mark);
        drainSoon();
        return mark.done();
    }

    private void drainSoon() {
        if (waiting.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: what is not marked is sent again by the relay after the restart
            draining.set(false);
            Mark mark;
            while ((mark = waiting.poll()) != null) {
                mark.done().completeExceptionally(e);
            }
        }
    }

    private void drain() {
        try {
            List<Mark> batch = take();
            while (!batch.isEmpty()) {
                write(batch);
                batch = take();
            }
        } finally {
            draining.set(false);
            // a mark added after the last take and before the release would otherwise wait for the next one
            drainSoon();
        }
    }

    private List<Mark> take() {
        List<Mark> batch = new ArrayList<>();
        Mark mark;
        while (batch.size() < BATCH && (mark = waiting.poll()) != null) {
            batch.add(mark);
        }
        return batch;
    }

    private void write(List<Mark> batch) {
        Map<String, List<Mark>> byCollection = new LinkedHashMap<>();
        batch.forEach(m -> byCollection.computeIfAbsent(m.collection(), c -> new ArrayList<>()).add(m));
        byCollection.forEach((collection, marks) -> {
            List<WriteModel<Document>> pulls = marks.stream().<WriteModel<Document>>map(m -> new UpdateOneModel<>(
                    new Document("_id", m.id()), new Document("$pull", new Document(OutboxCollection.FIELD,
                            new Document("eventId", m.eventId()))))).toList();
            try {
                mongo.getCollection(collection).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
                marks.forEach(m -> m.done().complete(null));
            } catch (RuntimeException e) {
                marks.forEach(m -> m.done().completeExceptionally(e));
            }
        });
    }
}
