package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code notification-requirement.overdue}: the subject was served {@code servedAt} and had until {@code dueBy} (3
 * days) to notify the police of their names and home address; the police have not recorded that they did.
 */
public record NotificationRequirementOverdue(String orderId, long orderVersion, Instant servedAt, Instant dueBy,
                                             SubjectSummary subject, AgencyAssignments agencies)
        implements ComplianceEvent {
}
