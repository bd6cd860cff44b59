package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * A programme session's recorded outcome: the data of {@code session.attended}, {@code session.missed}
 * (attended NO, or absence POP_UNACCEPTABLE), {@code session.absence-excused} (POP_ACCEPTABLE) and
 * {@code session.cancelled} (LOGISTICS). The late reason and behaviour notes stay in breach-report.
 *
 * @param attended        YES, LATE or NO for a session that happened; null when it did not
 * @param noSessionReason POP_ACCEPTABLE, POP_UNACCEPTABLE or LOGISTICS when the session did not happen
 * @param correction      true when this outcome corrects one recorded before
 */
public record SessionOutcome(
        String sessionId,
        String orderId,
        long orderVersion,
        String conditionId,
        String programmeName,
        Instant sessionStart,
        Instant recordedAt,
        Actor recordedBy,
        SubjectSummary subject,
        AgencyAssignments agencies,
        String attended,
        String noSessionReason,
        boolean correction)
        implements ComplianceEvent {
}
