package uk.orderwatch.registry.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;

/**
 * An order as one user may see it ({@link OrderDisclosure}): police see the protected persons and exclusion zones,
 * an advocate the person they advocate for, probation neither ({@code protectedPersons} absent).
 */
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
        @JsonInclude(JsonInclude.Include.NON_NULL) List<OrderDocument.ProtectedPerson> protectedPersons,
        List<OrderCondition> conditions,
        AgencyAssignments agencies,
        String interimOrderId,
        String fullOrderId,
        NotificationExemption notificationExemption) {
}
