package uk.orderwatch.support.outbox;

/**
 * Declares that documents of a MongoDB collection carry an {@code outbox} array of {@link OutboxEvent}s, so the
 * {@link OutboxRelay} publishes what the fast path missed. A service declares one bean per such collection.
 */
public record OutboxCollection(String name) {

    /** The field of each document that holds its pending events. */
    public static final String FIELD = "outbox";
}
