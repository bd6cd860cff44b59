package uk.orderwatch.schemas.events;

import java.time.Instant;

/** {@code order.served}: the order was served on the subject, who is bound by it from {@code servedAt}. */
public record OrderServed(OrderSnapshot order, Instant servedAt, Actor servedBy) implements OrderEvent {
}
