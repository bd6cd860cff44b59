package uk.orderwatch.schemas.events;

import java.time.LocalDate;

/** {@code order.expired}: the order reached its end date. */
public record OrderExpired(OrderSnapshot order, LocalDate endedOn) implements OrderEvent {
}
