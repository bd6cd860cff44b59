package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code breach.reported}: someone reported that the subject breached a condition. The description and place stay
 * in breach-report (they may identify the victim); the event says what an alert needs and where to read more.
 *
 * @param beforeService true when the breach happened before the order was served: police must know it cannot be
 *                      prosecuted as a breach
 * @param agencies      the order's assignments when the breach was reported, so the alert can be routed at once
 */
public record BreachReported(
        String breachId,
        String orderId,
        long orderVersion,
        String conditionId,
        ConditionCategory conditionCategory,
        Instant occurredAt,
        Instant reportedAt,
        Actor reportedBy,
        Severity severity,
        boolean beforeService,
        SubjectSummary subject,
        AgencyAssignments agencies)
        implements ComplianceEvent {
}
