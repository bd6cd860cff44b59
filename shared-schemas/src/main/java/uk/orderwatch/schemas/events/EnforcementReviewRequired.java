package uk.orderwatch.schemas.events;

import java.util.List;

/**
 * {@code enforcement.review-required}: unacceptable absences and breaches of the order reached the threshold.
 *
 * @param occurrences the breach ids and session ids counted
 */
public record EnforcementReviewRequired(String orderId, long orderVersion, int count, int threshold,
                                        List<String> occurrences, SubjectSummary subject,
                                        AgencyAssignments agencies)
        implements ComplianceEvent {
}
