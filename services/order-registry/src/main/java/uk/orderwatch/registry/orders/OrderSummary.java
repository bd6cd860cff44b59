package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.schemas.events.SubjectSummary;

/** An order in a list: enough to recognise it, without the protected persons. */
public record OrderSummary(String orderId, long version, OrderType type, OrderStatus status, Court court,
                           String courtCaseReference, LocalDate madeOn, Instant servedAt, LocalDate endsOn,
                           boolean untilFurtherOrder, SubjectSummary subject, AgencyAssignments agencies) {

    static OrderSummary of(OrderDocument o) {
        return new OrderSummary(o.id(), o.version(), o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(),
                new SubjectSummary(o.subject().name(), o.subject().pncId(), o.subject().crn()), o.agencies());
    }
}
