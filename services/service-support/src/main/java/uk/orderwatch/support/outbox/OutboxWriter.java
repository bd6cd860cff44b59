package uk.orderwatch.support.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.orderwatch.support.crash.CrashPoints;

/**
 * The one way a service writes a change together with the events it causes (ADR 1): the change and its events go
 * into one document by one single-document write, so neither exists without the other; right after the write the
 * events are published (the fast path, {@link OutboxPublisher}), and whatever that misses stays in the document's
 * outbox for the {@link OutboxRelay}. Nothing is published when the write did not happen.
 */
public class OutboxWriter {

    private final MongoTemplate mongo;
    private final OutboxPublisher publisher;

    public OutboxWriter(MongoTemplate mongo, OutboxPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /**
     * Inserts a new document whose {@code outbox} field already holds {@code events}, then publishes them. Throws
     * Spring's {@code DuplicateKeyException} (and publishes nothing) when a document with its id exists.
     */
    public <T> T insert(T document, List<OutboxEvent> events) {
        T stored = mongo.insert(document);
        CrashPoints.reach(CrashPoints.AFTER_WRITE, mongo.getCollectionName(document.getClass()));
        publisher.publishAfterWrite(mongo.getCollectionName(document.getClass()), idOf(stored), events);
        return stored;
    }

    /**
     * Inserts new documents of one type, each holding its own events ({@code eventsOf}) in its outbox, in one bulk
     * write (issue 20: the alerts of one event are one round trip), then publishes the events of those it inserted.
     * Each document is still its own single-document write: one whose id exists already is left as it is and
     * answered as not inserted (the same work again), while the others are inserted. Answers those inserted, in order.
     */
    public <T> List<T> insertAll(List<T> documents, Function<T, List<OutboxEvent>> eventsOf) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Class<?> type = documents.get(0).getClass();
        String collection = mongo.getCollectionName(type);
        List<Document> written = documents.stream().map(d -> {
            Document bson = new Document();
            mongo.getConverter().write(d, bson);
            return bson;
        }).toList();
        Set<Integer> existing = new HashSet<>();
        try {
            mongo.getCollection(collection).insertMany(written, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        CrashPoints.reach(CrashPoints.AFTER_WRITE, collection);
        List<T> inserted = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!existing.contains(i)) {
                T document = documents.get(i);
                inserted.add(document);
                publisher.publishAfterWrite(collection, idOf(document), eventsOf.apply(document));
            }
        }
        return inserted;
    }

    /**
     * Replaces a document if its stored {@code version} is still {@code readVersion} (compare-and-set), the new
     * document's outbox holding {@code newEvents} besides any still unsent; then publishes {@code newEvents}. Answers
     * false, having written and sent nothing, when someone else changed the document meanwhile.
     */
    public boolean replace(Object document, long readVersion, List<OutboxEvent> newEvents) {
        String id = idOf(document);
        boolean replaced = mongo.replace(Query.query(Criteria.where("_id").is(id).and("version").is(readVersion)),
                document).getMatchedCount() == 1;
        if (replaced) {
            CrashPoints.reach(CrashPoints.AFTER_WRITE, mongo.getCollectionName(document.getClass()));
            publisher.publishAfterWrite(mongo.getCollectionName(document.getClass()), id, newEvents);
        }
        return replaced;
    }

    /**
     * Applies {@code update} to the one document {@code query} selects by its {@code _id} (with whatever further
     * conditions make it a compare-and-set or a claim), pushing {@code events} into its outbox in the same write;
     * then publishes them. Answers the document as it is after the change, or null, having sent nothing, when the
     * query matched no document.
     */
    public <T> T update(Query query, Update update, Class<T> type, List<OutboxEvent> events) {
        Object id = query.getQueryObject().get("_id");
        if (!(id instanceof String)) {
            throw new IllegalArgumentException("an outbox update selects one document by its _id: " + query);
        }
        if (!events.isEmpty()) {
            update.push(OutboxCollection.FIELD).each(events.stream()
                    .map(e -> mongo.getConverter().convertToMongoType(e)).toArray());
        }
        T changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), type);
        if (changed != null) {
            CrashPoints.reach(CrashPoints.AFTER_WRITE, mongo.getCollectionName(type));
            publisher.publishAfterWrite(mongo.getCollectionName(type), (String) id, events);
        }
        return changed;
    }

    private String idOf(Object document) {
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
        return id.toString();
    }
}
