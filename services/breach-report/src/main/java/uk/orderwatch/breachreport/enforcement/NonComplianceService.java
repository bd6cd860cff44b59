package uk.orderwatch.breachreport.enforcement;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.attendance.SessionResult;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonComplianceRecorded;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxWriter;

/**
 * Counts an order's non-compliance (unacceptable absences and breaches, from the stored records themselves) and calls
 * for an enforcement review when the count reaches the threshold. The review is a document keyed by the order id,
 * inserted with its event: however often the threshold is checked, it is raised once.
 */
@Service
public class NonComplianceService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int threshold;

    public NonComplianceService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, Clock clock,
                                BreachReportSettings settings) {
        this.mongo = mongo;
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

    /** A breach or a miss was stored: the review is checked at once, on the thread that stored it. */
    @EventListener
    public void on(NonComplianceRecorded recorded) {
        check(recorded.order());
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
