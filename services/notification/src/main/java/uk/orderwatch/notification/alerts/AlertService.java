package uk.orderwatch.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.web.PageResult;

/** Raises exactly one alert per (source event, recipient), each stored with its {@code alert.raised} event. */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxPublisher publisher;
    private final Clock clock;

    public AlertService(MongoTemplate mongo, EventFactory events, OutboxPublisher publisher, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        var alerts = mongo.indexOps(AlertDocument.class);
        alerts.createIndex(new Index().on("sourceEventId", Sort.Direction.ASC)
                .on("recipient.personId", Sort.Direction.ASC).on("recipient.role", Sort.Direction.ASC).unique()
                .named("one_alert_per_event_and_recipient"));
        alerts.createIndex(new Index().on("recipient.personId", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.DESC).named("inbox"));
    }

    /** Raises the alerts {@code event} calls for; those it already raised (a redelivery) are left as they are. */
    public int raiseFor(CloudEvent<?> event) {
        int raised = 0;
        for (RoutedAlert routed : AlertRouting.route(event)) {
            String alertId = alertId(event.id(), routed);
            var now = clock.instant();
            var outbox = List.of(events.create(EventType.ALERT_RAISED, event.subject(), new AlertRaised(alertId,
                    event.id(), event.type(), event.subject(), routed.recipient(), routed.priority(), routed.title(),
                    now)));
            var alert = new AlertDocument(alertId, event.id(), event.type(), event.subject(), routed.recipient(),
                    routed.priority(), routed.title(), now, outbox);
            try {
                mongo.insert(alert);
                raised++;
            } catch (DuplicateKeyException e) {
                log.debug("Alert {} for event {} already raised", alertId, event.id());
                continue;
            }
            publisher.publishAfterWrite(AlertDocument.COLLECTION, alertId, outbox);
        }
        return raised;
    }

    static String alertId(String sourceEventId, RoutedAlert routed) {
        String key = sourceEventId + "|" + routed.recipient().personId() + "|" + routed.recipient().role();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public java.util.Optional<AlertDocument> find(String alertId) {
        return java.util.Optional.ofNullable(mongo.findById(alertId, AlertDocument.class));
    }

    /** Alerts, newest first, filtered by recipient, agency and order when given. */
    public PageResult<AlertView> search(String personId, String agencyId, String orderId, int page, int size) {
        Criteria criteria = new Criteria();
        if (personId != null) {
            criteria = criteria.and("recipient.personId").is(personId);
        }
        if (agencyId != null) {
            criteria = criteria.and("recipient.agencyId").is(agencyId);
        }
        if (orderId != null) {
            criteria = criteria.and("orderId").is(orderId);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AlertDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new PageResult<>(mongo.find(query, AlertDocument.class).stream().map(AlertView::of).toList(), page,
                size, total);
    }
}
