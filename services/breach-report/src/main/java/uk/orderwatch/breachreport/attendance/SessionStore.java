package uk.orderwatch.breachreport.attendance;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Where sessions are kept: a new one with its unrecorded-outcome timer, each change one compare-and-set write of the
 * session's document with the events it causes, and the finders.
 */
@Component
public class SessionStore {

    static final int DEFAULT_DURATION_MINUTES = 60;

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final java.time.Duration unrecordedGrace;

    public SessionStore(MongoTemplate mongo, OutboxWriter outbox, BreachReportSettings settings) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.unrecordedGrace = settings.unrecordedGrace();
    }

    public List<SessionDocument> ofOrder(String orderId) {
        return mongo.find(query(where("orderId").is(orderId)).with(Sort.by("start")), SessionDocument.class);
    }

    /**
     * A practitioner's sessions in a window, earliest first. A person id is unique within an agency only, so the
     * caller keeps those of its own cases; a practitioner's day is small enough to read whole.
     */
    public List<SessionDocument> between(String practitionerId, Instant from, Instant to) {
        return mongo.find(query(where("practitionerId").is(practitionerId).and("start").gte(from).lt(to))
                .with(Sort.by("start").and(Sort.by("_id"))).limit(MAX_IN_WINDOW), SessionDocument.class);
    }

    /** More sessions than one practitioner could have in a day: a bound, not a limit anyone meets. */
    static final int MAX_IN_WINDOW = 2_000;

    /** The sequence numbers of the planned sessions of one requirement that exist already. */
    Set<Integer> plannedSequences(String orderId, String conditionId) {
        return new HashSet<>(mongo.find(query(where("orderId").is(orderId).and("conditionId").is(conditionId)
                .and("sequence").ne(null)), SessionDocument.class).stream().map(SessionDocument::sequence).toList());
    }

    /** The session of a requirement that starts at {@code start}, if one is planned or recorded. */
    SessionDocument atStart(String orderId, String conditionId, Instant start) {
        return mongo.findOne(query(where("orderId").is(orderId).and("conditionId").is(conditionId)
                .and("start").is(start)), SessionDocument.class);
    }

    void insert(SessionDocument session) {
        mongo.insert(session);
    }

    /** The order ended: sessions still to come are withdrawn and their timers stop. */
    void withdrawPending(String orderId) {
        mongo.updateMulti(query(where("orderId").is(orderId).and("status").is(SessionStatus.SCHEDULED)),
                new Update().set("status", SessionStatus.WITHDRAWN).unset("unrecordedDueAt").inc("version", 1),
                SessionDocument.class);
    }

    /** Scheduled sessions whose grace period for an outcome has run out, up to 200 at a time. */
    List<SessionDocument> unrecordedDue(Instant now) {
        return mongo.find(query(where("unrecordedDueAt").lte(now).and("status").is(SessionStatus.SCHEDULED))
                .limit(200), SessionDocument.class);
    }

    SessionDocument session(String orderId, String sessionId) {
        var s = mongo.findById(sessionId, SessionDocument.class);
        if (s == null || !s.orderId().equals(orderId)) {
            throw Problem.notFound("Session", sessionId);
        }
        return s;
    }

    /** A new scheduled session of {@code order}'s requirement, its outcome due a grace period after its end. */
    SessionDocument newSession(String id, OrderSnapshot order, String conditionId, Integer sequence,
                                Instant start, int durationMinutes) {
        String practitioner = order.agencies().probation() == null ? null : order.agencies().probation().personId();
        return new SessionDocument(id, 1, order.orderId(), conditionId, sequence, start, durationMinutes,
                SessionStatus.SCHEDULED, practitioner, null, dueAt(start, durationMinutes), List.of(), List.of(),
                List.of(), List.of());
    }

    Instant dueAt(Instant start, int durationMinutes) {
        return start.plusSeconds(durationMinutes * 60L).plus(unrecordedGrace);
    }

    SessionDocument insertIfAbsent(SessionDocument session) {
        try {
            mongo.insert(session);
            return session;
        } catch (DuplicateKeyException e) {
            return mongo.findById(session.sessionId(), SessionDocument.class);
        }
    }

    void compareAndSet(SessionDocument changed, long readVersion) {
        compareAndSet(changed, readVersion, List.of());
    }

    void compareAndSet(SessionDocument changed, long readVersion, List<OutboxEvent> newEvents) {
        if (!outbox.replace(changed, readVersion, newEvents) && !changedByCurrentRequest(changed.sessionId())) {
            throw Problem.conflict("concurrent-change", "session " + changed.sessionId()
                    + " was changed at the same time; read it again and retry");
        }
    }

    /** An earlier attempt of the request being handled made the change this one lost the race to. */
    private boolean changedByCurrentRequest(String sessionId) {
        var now = mongo.findById(sessionId, SessionDocument.class);
        return now != null && now.changedByCurrentRequest();
    }

    /** The same (order, requirement, key) always gives the same session id, so a retry finds the same session. */
    static String id(String orderId, String conditionId, String key) {
        return UUID.nameUUIDFromBytes((orderId + "|" + conditionId + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
