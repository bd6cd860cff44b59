package uk.orderwatch.compliance.breaches;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.compliance.orders.KnownOrder;
import uk.orderwatch.compliance.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.web.Problem;

/** Accepts breach reports against known orders: checks, stores with its event in one write, publishes. */
@Service
public class BreachService {

    private final MongoTemplate mongo;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxPublisher publisher;
    private final Clock clock;
    private final Duration orderPatience;

    public BreachService(MongoTemplate mongo, OrderReadModel orders, EventFactory events, OutboxPublisher publisher,
                         Clock clock,
            @Value("${orderwatch.order-patience:2s}") Duration orderPatience) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.orderPatience = orderPatience;
    }

    public BreachDocument report(String orderId, ReportBreachRequest r) {
        KnownOrder known = orders.require(orderId, orderPatience);
        var order = known.order();
        Condition condition = order.condition(r.conditionId()).orElseThrow(() -> Problem.rule(
                "condition-not-on-order", "conditionId", "order " + orderId + " has no condition " + r.conditionId()));
        Instant now = clock.instant();
        if (r.occurredAt().isAfter(now)) {
            throw Problem.rule("occurred-in-future", "occurredAt", "a breach cannot be reported before it happens");
        }
        Instant made = order.madeOn().atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
        if (r.occurredAt().isBefore(made)) {
            throw Problem.rule("occurred-outside-order", "occurredAt",
                    "the order was made on " + order.madeOn() + "; nothing before that can breach it");
        }
        boolean beforeService = order.servedAt() == null || r.occurredAt().isBefore(order.servedAt());
        String breachId = UUID.randomUUID().toString();
        var severity = BreachSeverity.of(condition.category());
        var reporter = new Actor(r.reportedBy().personId(), r.reportedBy().agencyId());
        var event = events.create(EventType.BREACH_REPORTED, orderId, new BreachReported(breachId, orderId,
                order.version(), condition.conditionId(), condition.category(), r.occurredAt(), now, reporter,
                severity, beforeService, order.subject(), order.agencies()));
        var breach = new BreachDocument(breachId, orderId, order.version(), condition.conditionId(),
                condition.category(), r.occurredAt(), now, r.description(), r.location(), reporter,
                r.evidenceReferences() == null ? List.of() : r.evidenceReferences(), severity, beforeService,
                List.of(event));
        mongo.insert(breach);
        publisher.publishAfterWrite(BreachDocument.COLLECTION, breachId, breach.outbox());
        return breach;
    }

    public java.util.Optional<BreachDocument> find(String orderId, String breachId) {
        return java.util.Optional.ofNullable(mongo.findById(breachId, BreachDocument.class))
                .filter(b -> b.orderId().equals(orderId));
    }
}
