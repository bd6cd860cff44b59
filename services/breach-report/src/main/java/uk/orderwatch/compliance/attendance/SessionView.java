package uk.orderwatch.compliance.attendance;

import java.time.Instant;
import java.util.List;

/** A programme session and the outcomes recorded for it. */
public record SessionView(String sessionId, String orderId, String conditionId, Instant sessionStart,
                          List<SessionDocument.OutcomeEntry> outcomes) {

    static SessionView of(SessionDocument s) {
        return new SessionView(s.sessionId(), s.orderId(), s.conditionId(), s.sessionStart(), s.outcomes());
    }
}
