package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code session.concern-raised}: the provider recorded a behaviour concern at a session. What was said or done stays
 * in breach-report; the event says who must look.
 *
 * @param tellPractitioner the provider asked that the probation practitioner be told
 * @param risk             the concern suggests a risk to the protected person: police must look too
 */
public record SessionConcernRaised(String sessionId, String orderId, long orderVersion, String conditionId,
                                   Instant sessionStart, Instant recordedAt, Actor recordedBy,
                                   boolean tellPractitioner, boolean risk, SubjectSummary subject,
                                   AgencyAssignments agencies)
        implements ComplianceEvent {
}
