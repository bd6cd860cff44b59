package uk.orderwatch.support.mongo;

import org.springframework.data.mongodb.core.index.Index;

/**
 * An index a service needs on the collection of {@code entity}; declared as a bean, created by {@link MongoIndexes}.
 *
 * @param replaces the name of an index this one takes the place of, dropped before this one is created (null: none)
 */
public record MongoIndex(Class<?> entity, Index index, String replaces) {

    public MongoIndex(Class<?> entity, Index index) {
        this(entity, index, null);
    }
}
