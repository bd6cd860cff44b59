package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code enforcement.review-required}: the person on probation's unacceptable absences and behaviour at one
 * programme reached its threshold within its rolling window (HMPPS practice): the practitioner decides on enforcement
 * by {@code responseBy}. Breaches of the order's prohibitions are the police's ({@code breach.outcome-recorded}) and
 * are not counted. Each review counts failures no earlier review counted.
 *
 * @param reviewId    this review, one of the order's; absent in reviews raised before there could be several
 * @param conditionId the programme requirement whose sessions were counted
 * @param windowDays  the rolling window the failures fell in
 * @param occurrences the session ids counted
 * @param responseBy  when the enforcement decision is due
 */
public record EnforcementReviewRequired(String orderId, long orderVersion, String reviewId, String conditionId,
                                        int count, int threshold, Integer windowDays, List<String> occurrences,
                                        Instant responseBy, SubjectSummary subject, AgencyAssignments agencies)
        implements ComplianceEvent {
}
