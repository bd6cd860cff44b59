package uk.orderwatch.schemas.events;

import java.time.LocalDate;

/** {@code order.renewed}: the court renewed the order; {@code order.endsOn} is the new end. */
public record OrderRenewed(OrderSnapshot order, LocalDate previousEndsOn, Actor renewedBy) implements OrderEvent {
}
