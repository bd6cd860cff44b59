package uk.orderwatch.breachreport.attendance;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonComplianceRecorded;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.SessionUnrecorded;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Programme sessions: planned from a requirement's schedule or added by hand, rescheduled, their outcomes recorded and
 * corrected, and flagged when nobody recorded one in time. Every change is one compare-and-set write of the session's
 * document with the events it causes.
 */
@Service
public class SessionService {

    static final int DEFAULT_DURATION_MINUTES = 60;

    private final MongoTemplate mongo;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final ApplicationEventPublisher nonCompliance;
    private final Clock clock;
    private final Duration orderPatience;
    private final Duration unrecordedGrace;

    public SessionService(MongoTemplate mongo, OrderReadModel orders, EventFactory events, OutboxWriter outbox,
                          ApplicationEventPublisher nonCompliance, Clock clock,
                          BreachReportSettings settings) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.nonCompliance = nonCompliance;
        this.clock = clock;
        this.orderPatience = settings.orderPatience();
        this.unrecordedGrace = settings.unrecordedGrace();
    }

    // --- planning ---------------------------------------------------------------------------------------------

    /** Creates the sessions of each scheduled programme requirement that do not exist yet. */
    public void plan(KnownOrder known) {
        OrderSnapshot order = known.order();
        for (Condition c : order.conditions()) {
            if (c.category() != ConditionCategory.PROGRAMME || c.programme() == null
                    || c.programme().schedule() == null) {
                continue;
            }
            var schedule = c.programme().schedule();
            var existing = new HashSet<>(mongo.find(query(where("orderId").is(order.orderId())
                    .and("conditionId").is(c.conditionId()).and("sequence").ne(null)), SessionDocument.class)
                    .stream().map(SessionDocument::sequence).toList());
            for (int n = 1; n <= c.programme().sessions(); n++) {
                if (existing.contains(n)) {
                    continue;
                }
                Instant start = schedule.firstSessionAt().plus(Duration.ofDays((long) (n - 1) * schedule.intervalDays()));
                insertIfAbsent(newSession(id(order.orderId(), c.conditionId(), "#" + n), order, c.conditionId(), n,
                        start, schedule.durationMinutes()));
            }
        }
    }

    /** The order ended: sessions still to come are withdrawn and their timers stop. */
    public void withdrawPending(String orderId) {
        mongo.updateMulti(query(where("orderId").is(orderId).and("status").is(SessionStatus.SCHEDULED)),
                new Update().set("status", SessionStatus.WITHDRAWN).unset("unrecordedDueAt").inc("version", 1),
                SessionDocument.class);
    }

    public SessionDocument add(String orderId, SessionRequests.Add r) {
        KnownOrder known = activeOrder(orderId);
        programme(known.order(), r.conditionId());
        var session = newSession(UUID.randomUUID().toString(), known.order(), r.conditionId(), null, r.start(),
                r.durationMinutes());
        mongo.insert(session);
        return session;
    }

    public SessionDocument reschedule(String orderId, String sessionId, SessionRequests.Reschedule r, Actor by) {
        activeOrder(orderId);
        var s = session(orderId, sessionId);
        if (s.status() != SessionStatus.SCHEDULED) {
            throw Problem.conflict("reschedule-scheduled-only", "session " + sessionId + " is " + s.status()
                    + ": only a session still to come can be rescheduled");
        }
        var reschedules = new ArrayList<>(s.reschedules());
        reschedules.add(new SessionDocument.Reschedule(s.start(), r.start(), r.reason(), by,
                clock.instant()));
        var moved = new SessionDocument(s.sessionId(), s.version() + 1, s.orderId(), s.conditionId(), s.sequence(),
                r.start(), s.durationMinutes(), s.status(), s.practitionerId(), s.currentOutcome(),
                dueAt(r.start(), s.durationMinutes()), reschedules, s.outcomes(), s.outbox());
        compareAndSet(moved, s.version());
        return moved;
    }

    // --- outcomes ---------------------------------------------------------------------------------------------

    public SessionDocument record(String orderId, String sessionId, SessionRequests.Outcome r, Actor recorder) {
        KnownOrder known = orders.require(orderId, orderPatience);
        return record(known, session(orderId, sessionId), r, recorder);
    }

    /** An outcome for the session of a requirement starting at a time: the planned one, or one added now. */
    public SessionDocument recordByStart(String orderId, SessionRequests.ByStart r, Actor recorder) {
        KnownOrder known = orders.require(orderId, orderPatience);
        programme(known.order(), r.conditionId());
        var planned = mongo.findOne(query(where("orderId").is(orderId).and("conditionId").is(r.conditionId())
                .and("start").is(r.sessionStart())), SessionDocument.class);
        if (planned == null) {
            if (r.sessionStart().isAfter(clock.instant())) {
                throw sessionInFuture();
            }
            // refuse a bad outcome before the unplanned session is stored: a refused request changes nothing
            Outcome.classify(r.outcome().sessionHappened(), r.attended(), r.noSessionReason());
            if (r.correctionReason() != null) {
                throw Problem.rule("nothing-to-correct", "correctionReason", "no outcome is recorded for this session");
            }
            planned = insertIfAbsent(newSession(id(orderId, r.conditionId(), r.sessionStart().toString()),
                    known.order(), r.conditionId(), null, r.sessionStart(),
                    r.durationMinutes() == null ? DEFAULT_DURATION_MINUTES : r.durationMinutes()));
        }
        return record(known, planned, r.outcome(), recorder);
    }

    private SessionDocument record(KnownOrder known, SessionDocument s, SessionRequests.Outcome r,
                                   Actor recorder) {
        OrderSnapshot order = known.order();
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
        Outcome outcome = Outcome.classify(r.sessionHappened(), r.attended(), r.noSessionReason());
        var concern = r.concern() == null ? null : new SessionDocument.Concern(r.concern().description(),
                r.concern().tellPractitioner(), r.concern().risk());
        var entry = new SessionDocument.OutcomeEntry(r.sessionHappened(), r.attended(), r.lateReason(),
                r.noSessionReason(), outcome, concern, r.correctionReason(), now, recorder);
        String programmeName = programme(order, s.conditionId()).programme().name();
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
        var recorded = new SessionDocument(s.sessionId(), s.version() + 1, s.orderId(), s.conditionId(),
                s.sequence(), s.start(), s.durationMinutes(), SessionStatus.RECORDED, s.practitionerId(), outcome,
                null, s.reschedules(), outcomes, pending);
        compareAndSet(recorded, s.version(), newEvents);
        if (outcome == Outcome.MISSED) {
            nonCompliance.publishEvent(new NonComplianceRecorded(known));
        }
        return recorded;
    }

    // --- the unrecorded-session timer -------------------------------------------------------------------------

    /**
     * Raises {@code session.unrecorded} for each session whose grace period has run out with no outcome. The event
     * is pushed into the session's outbox by the same conditional update that clears the timer, so however many
     * instances run this, each session is flagged once.
     */
    public int raiseUnrecorded() {
        Instant now = clock.instant();
        int raised = 0;
        for (var s : mongo.find(query(where("unrecordedDueAt").lte(now).and("status").is(SessionStatus.SCHEDULED))
                .limit(200), SessionDocument.class)) {
            var known = orders.find(s.orderId());
            if (known.isEmpty()) {
                continue;
            }
            OrderSnapshot order = known.get().order();
            var programme = order.condition(s.conditionId()).map(Condition::programme);
            var event = events.create(EventType.SESSION_UNRECORDED, s.orderId(), new SessionUnrecorded(s.sessionId(),
                    s.orderId(), order.version(), s.conditionId(), programme.map(p -> p.name()).orElse("programme"),
                    s.start(), s.end(), s.unrecordedDueAt(), order.subject(), order.agencies()));
            var claimed = outbox.update(query(where("_id").is(s.sessionId()).and("version").is(s.version())
                            .and("unrecordedDueAt").is(s.unrecordedDueAt())),
                    new Update().unset("unrecordedDueAt").inc("version", 1), SessionDocument.class, List.of(event));
            if (claimed != null) {
                raised++;
            }
        }
        return raised;
    }

    // --- queries ----------------------------------------------------------------------------------------------

    public List<SessionDocument> ofOrder(String orderId) {
        return mongo.find(query(where("orderId").is(orderId)).with(Sort.by("start")), SessionDocument.class);
    }

    public List<SessionDocument> between(String practitionerId, Instant from, Instant to, int page, int size) {
        return mongo.find(query(where("practitionerId").is(practitionerId).and("start").gte(from).lt(to))
                .with(Sort.by("start").and(Sort.by("_id"))).skip((long) page * size).limit(size),
                SessionDocument.class);
    }

    public long countBetween(String practitionerId, Instant from, Instant to) {
        return mongo.count(query(where("practitionerId").is(practitionerId).and("start").gte(from).lt(to)),
                SessionDocument.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private KnownOrder activeOrder(String orderId) {
        KnownOrder known = orders.require(orderId, orderPatience);
        if (known.endedOn() != null) {
            throw Problem.conflict("order-ended", "order " + orderId + " ended on " + known.endedOn()
                    + "; no sessions can be planned for it");
        }
        return known;
    }

    private static Condition programme(OrderSnapshot order, String conditionId) {
        var condition = order.condition(conditionId).orElseThrow(() -> Problem.rule("condition-not-on-order",
                "conditionId", "order " + order.orderId() + " has no condition " + conditionId));
        if (condition.category() != ConditionCategory.PROGRAMME) {
            throw Problem.rule("not-a-programme", "conditionId",
                    "condition " + conditionId + " is " + condition.category() + ", not a PROGRAMME requirement");
        }
        return condition;
    }

    private SessionDocument session(String orderId, String sessionId) {
        var s = mongo.findById(sessionId, SessionDocument.class);
        if (s == null || !s.orderId().equals(orderId)) {
            throw Problem.notFound("Session", sessionId);
        }
        return s;
    }

    private SessionDocument newSession(String id, OrderSnapshot order, String conditionId, Integer sequence,
                                       Instant start, int durationMinutes) {
        String practitioner = order.agencies().probation() == null ? null : order.agencies().probation().personId();
        return new SessionDocument(id, 1, order.orderId(), conditionId, sequence, start, durationMinutes,
                SessionStatus.SCHEDULED, practitioner, null, dueAt(start, durationMinutes), List.of(), List.of(),
                List.of());
    }

    private Instant dueAt(Instant start, int durationMinutes) {
        return start.plusSeconds(durationMinutes * 60L).plus(unrecordedGrace);
    }

    private SessionDocument insertIfAbsent(SessionDocument session) {
        try {
            mongo.insert(session);
            return session;
        } catch (DuplicateKeyException e) {
            return mongo.findById(session.sessionId(), SessionDocument.class);
        }
    }

    private void compareAndSet(SessionDocument changed, long readVersion) {
        compareAndSet(changed, readVersion, List.of());
    }

    private void compareAndSet(SessionDocument changed, long readVersion, List<OutboxEvent> newEvents) {
        if (!outbox.replace(changed, readVersion, newEvents)) {
            throw Problem.conflict("concurrent-change", "session " + changed.sessionId()
                    + " was changed at the same time; read it again and retry");
        }
    }

    private static Problem sessionInFuture() {
        return Problem.rule("session-in-future", "sessionStart", "an outcome is recorded once the session has started");
    }

    /** The same (order, requirement, key) always gives the same session id, so a retry finds the same session. */
    static String id(String orderId, String conditionId, String key) {
        return UUID.nameUUIDFromBytes((orderId + "|" + conditionId + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
