package uk.orderwatch.support.readmodel;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps a read-model document at the highest version seen, in one conditional write: the stored document is
 * replaced only by a higher version, so duplicated and reordered events leave it right. Used by every service that
 * keeps a copy of another service's data.
 */
public final class VersionedUpsert {

    public static final String VERSION = "version";

    private VersionedUpsert() {
    }

    /**
     * Sets {@code fields} (and {@code version}) on document {@code id} of {@code collection} unless it already has
     * {@code version} or a higher one. True when it was stored.
     */
    public static boolean apply(MongoTemplate mongo, String collection, String id, long version,
                                Map<String, Object> fields) {
        Update update = new Update().set(VERSION, version);
        fields.forEach(update::set);
        try {
            var result = mongo.upsert(query(where("_id").is(id).and(VERSION).lt(version)), update, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            // the document exists with this version or a newer one: a duplicate or a late event
            return false;
        }
    }
}
