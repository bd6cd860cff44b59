package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.OrderStatus;

/** What an order said at one version: kept in its history so every earlier version stays readable. */
public record OrderTerms(OrderStatus status, Instant servedAt, LocalDate endsOn, boolean untilFurtherOrder,
                         List<OrderCondition> conditions, AgencyAssignments agencies) {
}
