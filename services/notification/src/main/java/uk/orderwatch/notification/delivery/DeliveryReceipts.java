package uk.orderwatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.AlertDocument.Delivery;
import uk.orderwatch.notification.alerts.AlertMetrics;
import uk.orderwatch.notification.alerts.DeliveryStatus;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;

/**
 * What a provider reports about a delivery after it was handed over (GOV.UK Notify's delivery receipts): delivered
 * publishes {@code alert.delivered}; a failure makes the delivery worker try the next channel at once.
 */
@Service
public class DeliveryReceipts {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final DeliveryService worker;
    private final Clock clock;
    private final AlertMetrics metrics;

    public DeliveryReceipts(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, DeliveryService worker,
                            Clock clock, AlertMetrics metrics) {
        this.metrics = metrics;
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.worker = worker;
        this.clock = clock;
    }

    /** A delivery status reported later by the provider (GOV.UK Notify's callback), by its reference. */
    public boolean record(String providerReference, DeliveryStatus status) {
        var alert = mongo.findOne(query(where("deliveries.providerReference").is(providerReference)),
                AlertDocument.class);
        if (alert == null) {
            return false;
        }
        List<Delivery> deliveries = new ArrayList<>(alert.deliveries());
        var current = deliveries.stream().filter(d -> providerReference.equals(d.providerReference())).findFirst()
                .orElseThrow();
        if (current.status() == status) {
            return true;
        }
        Instant now = clock.instant();
        DeliveryService.replace(deliveries, new Delivery(current.channel(), status, current.attempts(),
                current.lastAttemptAt(), null, providerReference, status.reached() ? null : "reported " + status));
        var update = new Update().set("deliveries", mongo.getConverter().convertToMongoType(deliveries))
                .inc("version", 1);
        List<OutboxEvent> newEvents = new ArrayList<>();
        if (status == DeliveryStatus.DELIVERED) {
            newEvents.add(DeliveryService.delivered(events, alert, current.channel(), now));
        } else if (!status.reached()) {
            update.set("deliveryDueAt", now); // try the next channel
        }
        if (outbox.update(query(where("_id").is(alert.alertId()).and("version").is(alert.version())), update,
                AlertDocument.class, newEvents) != null) {
            if (status == DeliveryStatus.DELIVERED) {
                metrics.delivered(alert, current.channel(), now);
            }
            if (!status.reached()) {
                worker.deliverSoon(alert.alertId()); // the next channel
            }
        }
        return true;
    }
}
