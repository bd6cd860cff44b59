package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code session.missed}: the subject did not attend a programme session that happened, without an acceptable
 * reason (attended NO, or absence POP_UNACCEPTABLE).
 */
public record SessionMissed(
        String sessionId,
        String orderId,
        long orderVersion,
        String conditionId,
        String programmeName,
        Instant sessionStart,
        Instant recordedAt,
        Actor recordedBy,
        SubjectSummary subject,
        AgencyAssignments agencies) {
}
