package uk.orderwatch.breachreport.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonCompliance;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.web.Problem;

/**
 * A session's outcome in the HMPPS vocabulary, recorded once and corrected with a reason; each is stored with its
 * event ({@code session.attended}, {@code .missed}, {@code .absence-excused}, {@code .cancelled}, and
 * {@code session.concern-raised} for a behaviour concern). A miss counts towards the enforcement review.
 */
@Service
public class SessionOutcomes {

    private final SessionStore store;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final FollowUps followUps;
    private final Clock clock;

    public SessionOutcomes(SessionStore store, OrderReadModel orders, EventFactory events,
                           FollowUps followUps, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.events = events;
        this.followUps = followUps;
        this.clock = clock;
    }

    public SessionDocument record(String orderId, String sessionId, RecordOutcomeRequest r, Actor recorder) {
        KnownOrder known = orders.require(orderId);
        return record(known, store.session(orderId, sessionId), r, recorder);
    }

    /** An outcome for the session of a requirement starting at a time: the planned one, or one added now. */
    public SessionDocument recordByStart(String orderId, RecordAttendanceRequest r, Actor recorder) {
        KnownOrder known = orders.require(orderId);
        SessionPlanning.programme(known.order(), r.conditionId());
        var planned = store.atStart(orderId, r.conditionId(), r.sessionStart());
        if (planned == null) {
            if (r.sessionStart().isAfter(clock.instant())) {
                throw sessionInFuture();
            }
            // refuse a bad outcome before the unplanned session is stored: a refused request changes nothing
            SessionResult.classify(r.outcome().sessionHappened(), r.attended(), r.noSessionReason());
            if (r.correctionReason() != null) {
                throw Problem.rule("nothing-to-correct", "correctionReason", "no outcome is recorded for this session");
            }
            planned = store.insertIfAbsent(store.newSession(
                    SessionStore.id(orderId, r.conditionId(), r.sessionStart().toString()), known.order(),
                    r.conditionId(), null, r.sessionStart(),
                    r.durationMinutes() == null ? SessionStore.DEFAULT_DURATION_MINUTES : r.durationMinutes()));
        }
        return record(known, planned, r.outcome(), recorder);
    }

    private SessionDocument record(KnownOrder known, SessionDocument s, RecordOutcomeRequest r,
                                   Actor recorder) {
        OrderSnapshot order = known.order();
        if (s.changedByCurrentRequest()) {
            return s; // a retry of the request that recorded it, whose answer was lost
        }
        if (s.status() == SessionStatus.WITHDRAWN) {
            throw Problem.conflict("session-withdrawn", "session " + s.sessionId()
                    + " was withdrawn when the order ended");
        }
        Instant now = clock.instant();
        if (s.start().isAfter(now)) {
            throw sessionInFuture();
        }
        boolean correction = !s.outcomes().isEmpty();
        if (correction && (r.correctionReason() == null || r.correctionReason().isBlank())) {
            throw Problem.conflict("outcome-already-recorded", "an outcome is already recorded for session "
                    + s.sessionId() + "; to correct it, send the new outcome with a correctionReason");
        }
        if (!correction && r.correctionReason() != null) {
            throw Problem.rule("nothing-to-correct", "correctionReason", "no outcome is recorded for this session yet");
        }
        SessionResult outcome = SessionResult.classify(r.sessionHappened(), r.attended(), r.noSessionReason());
        var concern = r.concern() == null ? null : new SessionDocument.Concern(r.concern().description(),
                r.concern().tellPractitioner(), r.concern().risk());
        var entry = new SessionDocument.OutcomeEntry(r.sessionHappened(), r.attended(), r.lateReason(),
                r.noSessionReason(), outcome, concern, r.correctionReason(), now, recorder,
                IdempotentRequest.currentId());
        String programmeName = SessionPlanning.programme(order, s.conditionId()).programme().name();
        List<OutboxEvent> newEvents = new ArrayList<>();
        newEvents.add(events.create(outcome.eventType(), order.orderId(), new SessionOutcome(s.sessionId(),
                order.orderId(), order.version(), s.conditionId(), programmeName, s.start(), now, recorder,
                order.subject(), order.agencies(), r.attended() == null ? null : r.attended().name(),
                r.noSessionReason() == null ? null : r.noSessionReason().name(), correction)));
        if (concern != null) {
            newEvents.add(events.create(EventType.SESSION_CONCERN_RAISED, order.orderId(), new SessionConcernRaised(
                    s.sessionId(), order.orderId(), order.version(), s.conditionId(), s.start(), now, recorder,
                    concern.tellPractitioner(), concern.risk(), order.subject(), order.agencies())));
        }
        var outcomes = new ArrayList<>(s.outcomes());
        outcomes.add(entry);
        var pending = new ArrayList<>(s.outbox());
        pending.addAll(newEvents);
        // a miss or a behaviour concern counts towards an enforcement review: its check is recorded with the outcome,
        // done after it
        FollowUp check = outcome == SessionResult.MISSED || concern != null
                ? followUps.pending(NonCompliance.SESSION_CHECK) : null;
        var checks = new ArrayList<>(s.followUps() == null ? List.<FollowUp>of() : s.followUps());
        if (check != null) {
            checks.add(check);
        }
        var recorded = new SessionDocument(s.sessionId(), s.version() + 1, s.orderId(), s.conditionId(),
                s.sequence(), s.start(), s.durationMinutes(), SessionStatus.RECORDED, s.practitionerId(), outcome,
                null, s.reschedules(), outcomes, pending, checks);
        store.compareAndSet(recorded, s.version(), newEvents);
        if (check != null) {
            followUps.runNow(s.sessionId(), check);
        }
        return recorded;
    }

    private static Problem sessionInFuture() {
        return Problem.rule("session-in-future", "sessionStart", "an outcome is recorded once the session has started");
    }
}
