package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code session.unrecorded}: a session ended more than the grace period ago and nobody recorded whether it happened,
 * so probation can put the record right.
 */
public record SessionUnrecorded(String sessionId, String orderId, long orderVersion, String conditionId,
                                String programmeName, Instant sessionStart, Instant sessionEnd, Instant dueBy,
                                SubjectSummary subject, AgencyAssignments agencies)
        implements ComplianceEvent {
}
