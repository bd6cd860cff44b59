package uk.orderwatch.support.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.orderwatch.support.mongo.GroupCommit;

/**
 * Removes published events from their documents' outboxes, as many as are waiting in one bulk write per collection
 * (ADR 20, {@link GroupCommit}): under load the events of many writes are marked in one round trip, and a lone event
 * still goes at once. A mark that fails, or is never made because the process stopped, leaves the event in the
 * outbox for the {@link OutboxRelay}, which sends it again; consumers deduplicate on the event id.
 */
final class PublishedMarks {

    private record Mark(String collection, String id, String eventId) {
    }

    private final MongoTemplate mongo;
    private final GroupCommit<Mark> marks;

    PublishedMarks(MongoTemplate mongo, Executor executor) {
        this.mongo = mongo;
        this.marks = new GroupCommit<>(this::write, executor);
    }

    /** Removes event {@code eventId} from the outbox of document {@code id}; completes once it is written. */
    CompletableFuture<Void> mark(String collection, String id, String eventId) {
        return marks.submit(new Mark(collection, id, eventId));
    }

    private void write(List<Mark> batch) {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        for (Mark m : batch) {
            byCollection.computeIfAbsent(m.collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", m.id()), new Document("$pull", new Document(OutboxCollection.FIELD,
                            new Document("eventId", m.eventId())))));
        }
        byCollection.forEach((collection, pulls) -> mongo.getCollection(collection).bulkWrite(pulls,
                new BulkWriteOptions().ordered(false)));
    }
}
