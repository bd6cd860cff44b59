package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code breach.outcome-recorded}: what happened after a breach was reported, as the police record it, one step at a
 * time: attended, arrested or interviewed, charged, released under investigation, no further action (with a reason
 * from a closed list), convicted or acquitted. No words typed by a person travel.
 *
 * @param reasonableExcuseRaised whether the subject raised the defence of reasonable excuse at this step
 * @param noFurtherActionReason  for {@link BreachOutcomeStep#NO_FURTHER_ACTION} only
 */
public record BreachOutcomeRecorded(
        String breachId,
        String orderId,
        long orderVersion,
        ConditionCategory conditionCategory,
        Instant breachOccurredAt,
        BreachOutcomeStep step,
        Instant stepAt,
        boolean reasonableExcuseRaised,
        NoFurtherActionReason noFurtherActionReason,
        Actor recordedBy,
        SubjectSummary subject,
        AgencyAssignments agencies) implements ComplianceEvent {
}
