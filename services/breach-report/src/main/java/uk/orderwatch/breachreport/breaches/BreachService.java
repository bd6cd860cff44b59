package uk.orderwatch.breachreport.breaches;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonComplianceRecorded;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.support.events.EventFactory;
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
    private final Duration orderPatience;
    private final ApplicationEventPublisher nonCompliance;
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    public BreachService(MongoTemplate mongo, OrderReadModel orders, EventFactory events, OutboxWriter outbox,
                         Clock clock,
            BreachReportSettings settings, ApplicationEventPublisher nonCompliance) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.orderPatience = settings.orderPatience();
        this.nonCompliance = nonCompliance;
    }

    /** The breach stored for a report, and whether this call created it (false: an idempotent retry). */
    public record Reported(BreachDocument breach, boolean created) {
    }

    public Reported report(String orderId, ReportBreachRequest r, String idempotencyKey, Actor reporter) {
        String requestHash = hash(orderId, r);
        if (idempotencyKey != null) {
            var earlier = mongo.findById(breachId(orderId, idempotencyKey), BreachDocument.class);
            if (earlier != null) {
                return repeat(earlier, requestHash);
            }
        }
        KnownOrder known = orders.require(orderId, orderPatience);
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
        String breachId = idempotencyKey != null ? breachId(orderId, idempotencyKey) : UUID.randomUUID().toString();
        var severity = BreachSeverity.of(condition.category());
        var event = events.create(EventType.BREACH_REPORTED, orderId, new BreachReported(breachId, orderId,
                order.version(), condition.conditionId(), condition.category(), r.occurredAt(), now, reporter,
                severity, beforeService, order.subject(), order.agencies()));
        var breach = new BreachDocument(breachId, orderId, order.version(), condition.conditionId(),
                condition.category(), r.occurredAt(), now, r.description(), r.location(), reporter,
                r.evidenceReferences() == null ? List.of() : r.evidenceReferences(), severity, beforeService,
                requestHash, List.of(event));
        try {
            outbox.insert(breach, breach.outbox());
        } catch (DuplicateKeyException e) {
            // the same Idempotency-Key, sent twice at once: the other request stored it
            return repeat(mongo.findById(breachId, BreachDocument.class), requestHash);
        }
        nonCompliance.publishEvent(new NonComplianceRecorded(known));
        return new Reported(breach, true);
    }

    private static Reported repeat(BreachDocument earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw Problem.rule("idempotency-key-reused", "Idempotency-Key",
                    "this key was used for a different report; use a new key for a new report");
        }
        return new Reported(earlier, false);
    }

    /** A report retried with the same Idempotency-Key finds the breach the first one stored. */
    static String breachId(String orderId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("breach|" + orderId + "|" + idempotencyKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private String hash(String orderId, ReportBreachRequest r) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (orderId + "|" + json.writeValueAsString(r)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
