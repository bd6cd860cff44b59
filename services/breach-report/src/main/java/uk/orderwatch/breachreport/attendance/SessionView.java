package uk.orderwatch.breachreport.attendance;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

/**
 * A programme session. Its free text (why it was moved, why the subject was late, what the provider was concerned
 * about, why an outcome was corrected) is probation's case record about the subject and may name the victim or where
 * she lives: probation and the police read it; an advocate sees the session and its outcomes without it.
 */
public record SessionView(String sessionId, String orderId, String conditionId, Integer sequence, Instant start,
                          int durationMinutes, SessionStatus status, SessionResult currentOutcome, Instant unrecordedDueAt,
                          List<SessionDocument.Reschedule> reschedules, List<SessionDocument.OutcomeEntry> outcomes) {

    public static SessionView of(SessionDocument s, Caller caller) {
        boolean text = caller.is(Role.PROBATION, Role.POLICE);
        return new SessionView(s.sessionId(), s.orderId(), s.conditionId(), s.sequence(), s.start(),
                s.durationMinutes(), s.status(), s.currentOutcome(), s.unrecordedDueAt(),
                text ? s.reschedules() : s.reschedules().stream().map(SessionView::withoutText).toList(),
                text ? s.outcomes() : s.outcomes().stream().map(SessionView::withoutText).toList());
    }

    private static SessionDocument.Reschedule withoutText(SessionDocument.Reschedule r) {
        return new SessionDocument.Reschedule(r.from(), r.to(), null, r.by(), r.at(), r.requestId());
    }

    private static SessionDocument.OutcomeEntry withoutText(SessionDocument.OutcomeEntry o) {
        var concern = o.concern() == null ? null
                : new SessionDocument.Concern(null, o.concern().tellPractitioner(), o.concern().risk());
        return new SessionDocument.OutcomeEntry(o.sessionHappened(), o.attended(), null, o.noSessionReason(),
                o.outcome(), concern, null, o.recordedAt(), o.recordedBy(), o.requestId());
    }
}
