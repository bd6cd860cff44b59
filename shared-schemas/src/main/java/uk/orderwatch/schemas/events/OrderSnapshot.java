package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The state of an order that other services need, carried whole by every order event so a consumer's read model
 * is complete from any one event. Protected persons appear only as opaque ids: their names, addresses, phones,
 * emails and locations never leave order-registry.
 *
 * @param version increases by one with every change; consumers keep the highest and drop the rest
 * @param endsOn  null when the order lasts until further order
 * @param interimOrderId for a full order made after an interim one: the interim order it replaced
 * @param fullOrderId    for an interim order: the full order that superseded it, once there is one
 * @param notificationExemption why the order starts no notification-requirement clock of its own; null when none
 * @param importedAt     for an order brought in with a force's existing orders: when; what was due before then (past
 *                       sessions, a historic service's notification clock) raises nothing
 */
public record OrderSnapshot(
        String orderId,
        long version,
        OrderType orderType,
        OrderStatus status,
        Court court,
        String courtCaseReference,
        LocalDate madeOn,
        Instant servedAt,
        LocalDate endsOn,
        boolean untilFurtherOrder,
        SubjectSummary subject,
        List<String> protectedPersonIds,
        List<Condition> conditions,
        AgencyAssignments agencies,
        String interimOrderId,
        String fullOrderId,
        NotificationExemption notificationExemption,
        Instant importedAt) {

    public java.util.Optional<Condition> condition(String conditionId) {
        return conditions.stream().filter(c -> c.conditionId().equals(conditionId)).findFirst();
    }
}
