package uk.orderwatch.breachreport.enforcement;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.attendance.SessionResult;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonCompliance;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.outbox.OutboxWriter;

/**
 * Counts an order's non-compliance (unacceptable absences and breaches, from the stored records themselves) and calls
 * for an enforcement review when the count reaches the threshold. The review is a document keyed by the order id,
 * inserted with its event: however often the threshold is checked, it is raised once. Each stored breach and miss
 * records a follow-up that runs the check (ADR 11), so a crash right after the write cannot skip it.
 */
@Service
public class NonComplianceService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int threshold;
    private final OrderReadModel orders;

    public NonComplianceService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, Clock clock,
                                BreachReportSettings settings, OrderReadModel orders) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.threshold = settings.enforcementThreshold();
    }

    public record Counts(long breaches, long unacceptableAbsences) {
        public long total() {
            return breaches + unacceptableAbsences;
        }
    }

    public Counts count(String orderId) {
        return new Counts(mongo.count(query(where("orderId").is(orderId)), BreachDocument.class),
                mongo.count(query(where("orderId").is(orderId).and("currentOutcome").is(SessionResult.MISSED)),
                        SessionDocument.class));
    }

    /** A stored breach's follow-up: its order's review is checked (right after the write, or by the sweep). */
    @Bean
    static FollowUpHandler breachCheck(NonComplianceService service, MongoTemplate mongo) {
        return service.handler(NonCompliance.BREACH_CHECK, BreachDocument.class,
                id -> mongo.findById(id, BreachDocument.class).orderId());
    }

    /** A recorded miss's follow-up: its order's review is checked. */
    @Bean
    static FollowUpHandler sessionCheck(NonComplianceService service, MongoTemplate mongo) {
        return service.handler(NonCompliance.SESSION_CHECK, SessionDocument.class,
                id -> mongo.findById(id, SessionDocument.class).orderId());
    }

    private FollowUpHandler handler(String kind, Class<?> entity, java.util.function.Function<String, String> orderOf) {
        return FollowUpHandler.of(kind, entity, id -> {
            String orderId = orderOf.apply(id);
            check(orders.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " of " + id
                    + " is not known")));
        });
    }

    /** Raises the review if the order's non-compliance reached the threshold and none was raised yet. */
    public void check(KnownOrder known) {
        String orderId = known.orderId();
        if (mongo.exists(query(where("_id").is(orderId)), EnforcementReview.class)) {
            return;
        }
        List<String> occurrences = new ArrayList<>();
        mongo.find(query(where("orderId").is(orderId)), BreachDocument.class)
                .forEach(b -> occurrences.add(b.breachId()));
        mongo.find(query(where("orderId").is(orderId).and("currentOutcome").is(SessionResult.MISSED)),
                SessionDocument.class).forEach(s -> occurrences.add(s.sessionId()));
        if (occurrences.size() < threshold) {
            return;
        }
        var order = known.order();
        var event = events.create(EventType.ENFORCEMENT_REVIEW_REQUIRED, orderId, new EnforcementReviewRequired(
                orderId, order.version(), occurrences.size(), threshold, occurrences, order.subject(),
                order.agencies()));
        try {
            outbox.insert(new EnforcementReview(orderId, clock.instant(), occurrences.size(), threshold, occurrences,
                    List.of(event)), List.of(event));
        } catch (DuplicateKeyException e) {
            // raised by a concurrent check
        }
    }

    public Optional<EnforcementReview> review(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, EnforcementReview.class));
    }

    public int threshold() {
        return threshold;
    }
}
