package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertAcknowledged;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/** A recipient takes an alert on (which stops its escalation) or marks it read. */
@Service
public class Acknowledgements {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AlertQueries alerts;
    private final Clock clock;

    public Acknowledgements(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, AlertQueries alerts,
                            Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The recipient takes the alert on: its deadline stops, and so does every deadline of its chain. */
    public AlertDocument acknowledge(String alertId, String personId, String note) {
        var alert = alerts.require(alertId);
        if (!alert.recipient().personId().equals(personId)) {
            throw Problem.rule("acknowledged-by-recipient", "personId", "only the alert's recipient can "
                    + "acknowledge it");
        }
        if (alert.acknowledged()) {
            throw Problem.conflict("acknowledge-once", "alert " + alertId + " was acknowledged at "
                    + alert.acknowledgement().at());
        }
        Instant now = clock.instant();
        var event = events.create(EventType.ALERT_ACKNOWLEDGED, alert.orderId(), new AlertAcknowledged(alertId,
                alert.orderId(), alert.recipient(), personId, now));
        var updated = outbox.update(query(where("_id").is(alertId).and("version").is(alert.version())),
                new Update().set("acknowledgement", new AlertDocument.Acknowledgement(personId, now, note))
                        .unset("acknowledgeBy").set("readAt", alert.readAt() == null ? now : alert.readAt())
                        .inc("version", 1), AlertDocument.class, List.of(event));
        if (updated == null) {
            throw Problem.conflict("concurrent-change", "alert " + alertId + " changed at the same time; try again");
        }
        // the chain stops: nobody further up needs to be woken for this event
        mongo.updateMulti(query(where("rootAlertId").is(alert.rootAlertId()).and("acknowledgeBy").ne(null)),
                new Update().unset("acknowledgeBy").inc("version", 1), AlertDocument.class);
        return updated;
    }

    /** Marks an alert read (the inbox's unread filter). */
    public AlertDocument markRead(String alertId, String personId) {
        var alert = alerts.require(alertId);
        if (!alert.recipient().personId().equals(personId)) {
            throw Problem.rule("read-by-recipient", "personId", "only the alert's recipient reads it");
        }
        if (alert.readAt() == null) {
            mongo.updateFirst(query(where("_id").is(alertId).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()).inc("version", 1), AlertDocument.class);
        }
        return alerts.require(alertId);
    }
}
