package uk.orderwatch.schemas.events;

import java.time.LocalDate;

/** {@code order.discharged}: the court discharged the order before its end. */
public record OrderDischarged(OrderSnapshot order, LocalDate dischargedOn, String reason, Actor dischargedBy)
        implements OrderEvent {
}
