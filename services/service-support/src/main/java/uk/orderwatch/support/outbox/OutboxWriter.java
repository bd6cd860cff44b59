package uk.orderwatch.support.outbox;

import java.util.List;
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
