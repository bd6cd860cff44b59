package uk.orderwatch.breachreport.attendance;

import java.time.Instant;
import java.util.List;

/** A programme session as probation sees it. */
public record SessionView(String sessionId, String orderId, String conditionId, Integer sequence, Instant start,
                          int durationMinutes, SessionStatus status, SessionResult currentOutcome, Instant unrecordedDueAt,
                          List<SessionDocument.Reschedule> reschedules, List<SessionDocument.OutcomeEntry> outcomes) {

    public static SessionView of(SessionDocument s) {
        return new SessionView(s.sessionId(), s.orderId(), s.conditionId(), s.sequence(), s.start(),
                s.durationMinutes(), s.status(), s.currentOutcome(), s.unrecordedDueAt(), s.reschedules(),
                s.outcomes());
    }
}
