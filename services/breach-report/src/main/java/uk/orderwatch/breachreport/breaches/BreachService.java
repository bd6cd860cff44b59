package uk.orderwatch.breachreport.breaches;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.BreachOutcomeRecorded;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/** Accepts breach reports against known orders: checks, stores with its event in one write, publishes. */
@Service
public class BreachService {

    private final MongoTemplate mongo;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;

    public BreachService(MongoTemplate mongo, OrderReadModel orders, EventFactory events, OutboxWriter outbox,
                         Clock clock) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores a report. With an Idempotency-Key the breach's id comes from the key, so a retry whose first answer was
     * lost finds the breach the first attempt stored (ADR 11).
     */
    public BreachDocument report(String orderId, ReportBreachRequest r, Actor reporter) {
        String breachId = IdempotentRequest.newId("breach");
        if (IdempotentRequest.current().isPresent()) {
            var earlier = mongo.findById(breachId, BreachDocument.class);
            if (earlier != null) {
                return earlier;
            }
        }
        KnownOrder known = orders.require(orderId);
        var order = known.order();
        Condition condition = order.condition(r.conditionId()).orElseThrow(() -> Problem.rule(
                "condition-not-on-order", "conditionId", "order " + orderId + " has no condition " + r.conditionId()));
        Instant now = clock.instant();
        if (r.occurredAt().isAfter(now)) {
            throw Problem.rule("occurred-in-future", "occurredAt", "a breach cannot be reported before it happens");
        }
        Instant made = order.madeOn().atStartOfDay(Court.ZONE).toInstant();
        if (r.occurredAt().isBefore(made)) {
            throw Problem.rule("occurred-outside-order", "occurredAt",
                    "the order was made on " + order.madeOn() + "; nothing before that can breach it");
        }
        if (known.endedOn() != null
                && !r.occurredAt().isBefore(known.endedOn().plusDays(1).atStartOfDay(Court.ZONE)
                .toInstant())) {
            throw Problem.rule("occurred-outside-order", "occurredAt",
                    "the order ended on " + known.endedOn() + "; nothing after that can breach it");
        }
        boolean beforeService = order.servedAt() == null || r.occurredAt().isBefore(order.servedAt());
        var severity = BreachSeverity.of(condition.category());
        var event = events.create(EventType.BREACH_REPORTED, orderId, new BreachReported(breachId, orderId,
                order.version(), condition.conditionId(), condition.category(), r.occurredAt(), now, reporter,
                severity, beforeService, order.subject(), order.agencies()));
        var breach = new BreachDocument(breachId, orderId, order.version(), condition.conditionId(),
                condition.category(), r.occurredAt(), now, r.description(), r.location(), reporter,
                r.evidenceReferences() == null ? List.of() : r.evidenceReferences(), severity, beforeService,
                List.of(event), List.of(), List.of());
        try {
            outbox.insert(breach, breach.outbox());
        } catch (DuplicateKeyException e) {
            // the same Idempotency-Key, sent twice at once: the other request stored it
            return mongo.findById(breachId, BreachDocument.class);
        }
        return breach;
    }

    /**
     * Records the next step of a breach's life, with its {@code breach.outcome-recorded} event, in one conditional
     * write on the number of steps so far: two steps recorded at once cannot both follow the same one.
     */
    public BreachDocument recordOutcome(String orderId, String breachId, RecordOutcomeRequest r, Actor by) {
        var breach = find(orderId, breachId).orElseThrow(() -> Problem.notFound("Breach", breachId));
        var steps = breach.outcomesSoFar();
        if (steps.stream().anyMatch(o -> IdempotentRequest.isCurrent(o.requestId()))) {
            return breach; // a retry of the request that recorded this step, whose answer was lost
        }
        Instant now = clock.instant();
        BreachRules.checkOutcome(breach, r, now);
        var order = orders.require(orderId).order();
        var outcome = new BreachDocument.Outcome(r.step(), r.at(), Boolean.TRUE.equals(r.reasonableExcuseRaised()),
                r.noFurtherActionReason(), by, now, IdempotentRequest.currentId());
        var event = events.create(EventType.BREACH_OUTCOME_RECORDED, orderId, new BreachOutcomeRecorded(breachId,
                orderId, order.version(), breach.conditionCategory(), breach.occurredAt(), r.step(), r.at(),
                outcome.reasonableExcuseRaised(), r.noFurtherActionReason(), by, order.subject(), order.agencies()));
        // stored only if the breach still has exactly the steps read: the next index is free, the last one taken
        var unchanged = where("_id").is(breachId).and("outcomes." + steps.size()).exists(false);
        if (!steps.isEmpty()) {
            unchanged = unchanged.and("outcomes." + (steps.size() - 1)).exists(true);
        }
        var stored = outbox.update(query(unchanged), new Update().push("outcomes", outcome), BreachDocument.class,
                List.of(event));
        if (stored == null) {
            throw Problem.conflict("concurrent-change", "another step of breach " + breachId + " was recorded at "
                    + "the same time; look at it and try again");
        }
        return stored;
    }

    /** An order's breaches, in the order they happened. */
    public List<BreachDocument> ofOrder(String orderId) {
        return mongo.find(query(where("orderId").is(orderId)).with(org.springframework.data.domain.Sort.by(
                "occurredAt")), BreachDocument.class);
    }

    public java.util.Optional<BreachDocument> find(String orderId, String breachId) {
        return java.util.Optional.ofNullable(mongo.findById(breachId, BreachDocument.class))
                .filter(b -> b.orderId().equals(orderId));
    }
}
