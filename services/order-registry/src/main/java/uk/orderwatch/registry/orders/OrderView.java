package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;

/** An order as the police handling it see it, protected persons and exclusion zones included. */
public record OrderView(
        String orderId,
        long version,
        OrderType type,
        OrderStatus status,
        Court court,
        String courtCaseReference,
        LocalDate madeOn,
        Instant servedAt,
        LocalDate endsOn,
        boolean untilFurtherOrder,
        OrderDocument.Subject subject,
        List<OrderDocument.ProtectedPerson> protectedPersons,
        List<OrderCondition> conditions,
        AgencyAssignments agencies,
        String interimOrderId,
        String fullOrderId) {

    static OrderView of(OrderDocument o) {
        return new OrderView(o.id(), o.version(), o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(), o.protectedPersons(),
                o.conditions(), o.agencies(), o.interimOrderId(), o.fullOrderId());
    }
}
