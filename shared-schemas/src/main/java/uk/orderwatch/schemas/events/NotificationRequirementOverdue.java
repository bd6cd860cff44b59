package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code notification-requirement.overdue}: the subject was served {@code servedAt} and had until {@code dueBy} (3
 * days) to notify the police of their names and home address, or, when {@code changeOn} is given, of a change of name
 * or home address made that day (Stalking Protection Act 2019 s.9(3), (4)); the police have not recorded that they
 * did.
 */
public record NotificationRequirementOverdue(String orderId, long orderVersion, Instant servedAt, Instant dueBy,
                                             LocalDate changeOn, SubjectSummary subject, AgencyAssignments agencies)
        implements ComplianceEvent {
}
