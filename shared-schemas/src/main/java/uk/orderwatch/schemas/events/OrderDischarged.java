package uk.orderwatch.schemas.events;

import java.time.LocalDate;

/** {@code order.discharged}: the court discharged the order before its end (the reason stays in order-registry). */
public record OrderDischarged(OrderSnapshot order, LocalDate dischargedOn, Actor dischargedBy)
        implements OrderEvent {
}
