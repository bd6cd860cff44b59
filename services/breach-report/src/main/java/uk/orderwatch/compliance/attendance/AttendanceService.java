package uk.orderwatch.compliance.attendance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.compliance.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.SessionMissed;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.web.Problem;

/** Records programme session outcomes; a missed session publishes {@code session.missed}. */
@Service
public class AttendanceService {

    private final MongoTemplate mongo;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxPublisher publisher;
    private final Clock clock;
    private final Duration orderPatience;

    public AttendanceService(MongoTemplate mongo, OrderReadModel orders, EventFactory events,
                             OutboxPublisher publisher, Clock clock,
            @Value("${orderwatch.order-patience:2s}") Duration orderPatience) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.orderPatience = orderPatience;
    }

    public SessionDocument record(String orderId, RecordAttendanceRequest r) {
        var order = orders.require(orderId, orderPatience).order();
        var condition = order.condition(r.conditionId()).orElseThrow(() -> Problem.rule("condition-not-on-order",
                "conditionId", "order " + orderId + " has no condition " + r.conditionId()));
        if (condition.category() != ConditionCategory.PROGRAMME) {
            throw Problem.rule("not-a-programme", "conditionId",
                    "condition " + r.conditionId() + " is " + condition.category() + ", not a PROGRAMME requirement");
        }
        Instant now = clock.instant();
        if (r.sessionStart().isAfter(now)) {
            throw Problem.rule("session-in-future", "sessionStart",
                    "an outcome is recorded once the session has started");
        }
        Outcome outcome = Outcome.classify(r.sessionHappened(), r.attended(), r.noSessionReason());
        var recorder = new Actor(r.recordedBy().personId(), r.recordedBy().agencyId());
        String sessionId = sessionId(orderId, r.conditionId(), r.sessionStart());
        List<OutboxEvent> outbox = new ArrayList<>();
        if (outcome == Outcome.MISSED) {
            outbox.add(events.create(EventType.SESSION_MISSED, orderId, new SessionMissed(sessionId, orderId,
                    order.version(), r.conditionId(), condition.programme().name(), r.sessionStart(), now, recorder,
                    order.subject(), order.agencies())));
        }
        var session = new SessionDocument(sessionId, orderId, r.conditionId(), r.sessionStart(),
                List.of(new SessionDocument.OutcomeEntry(r.sessionHappened(), r.attended(), r.lateReason(),
                        r.noSessionReason(), outcome, now, recorder)), outbox);
        try {
            mongo.insert(session);
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("outcome-already-recorded", "an outcome is already recorded for the session of "
                    + r.conditionId() + " starting " + r.sessionStart());
        }
        publisher.publishAfterWrite(SessionDocument.COLLECTION, sessionId, outbox);
        return session;
    }

    /** One session per (order, requirement, start): its id is derived from them, so a retry finds the same one. */
    static String sessionId(String orderId, String conditionId, Instant start) {
        return UUID.nameUUIDFromBytes((orderId + "|" + conditionId + "|" + start).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
