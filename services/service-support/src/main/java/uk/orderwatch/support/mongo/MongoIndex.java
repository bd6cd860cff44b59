package uk.orderwatch.support.mongo;

import org.springframework.data.mongodb.core.index.Index;

/** An index a service needs on the collection of {@code entity}; declared as a bean, created by {@link MongoIndexes}. */
public record MongoIndex(Class<?> entity, Index index) {
}
