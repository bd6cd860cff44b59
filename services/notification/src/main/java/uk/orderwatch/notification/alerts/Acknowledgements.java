package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertAcknowledged;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.web.Problem;

/** A recipient takes an alert on (which stops its escalation) or marks it read. */
@Service
public class Acknowledgements {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AlertQueries alerts;
    private final Clock clock;
    private final FollowUps followUps;

    /** The follow-up of an acknowledgement: the deadlines of the alert's chain stop. */
    static final String STOP_CHAIN = "stop-escalation-chain";

    public Acknowledgements(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, AlertQueries alerts,
                            Clock clock, FollowUps followUps) {
        this.followUps = followUps;
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * The recipient takes the alert on, or a supervisor of their agency acknowledges it on their behalf or takes it
     * over: its deadline stops, and so does every deadline of its chain.
     */
    public AlertDocument acknowledge(String alertId, Caller caller, String note, AlertDocument.AcknowledgedAs as) {
        var alert = alerts.require(alertId);
        String personId = caller.personId();
        var capacity = as == null ? AlertDocument.AcknowledgedAs.RECIPIENT : as;
        boolean recipient = alert.isFor(caller.agencyId(), personId);
        if (capacity == AlertDocument.AcknowledgedAs.RECIPIENT && !recipient) {
            throw Problem.rule("acknowledged-by-recipient", "as", "only the alert's recipient acknowledges it as "
                    + "theirs; a supervisor of their agency acknowledges it ON_BEHALF of them or TAKING_OVER");
        }
        if (capacity != AlertDocument.AcknowledgedAs.RECIPIENT && (recipient || !alert.isSupervisedBy(caller))) {
            throw Problem.rule("supervisor-acts", "as", "only a supervisor of the recipient's agency acknowledges "
                    + "another person's alert on their behalf or takes it over");
        }
        if (alert.acknowledged() && IdempotentRequest.isCurrent(alert.acknowledgement().requestId())) {
            return alert; // a retry of this acknowledgement, whose answer was lost
        }
        if (alert.acknowledged()) {
            throw Problem.conflict("acknowledge-once", "alert " + alertId + " was acknowledged at "
                    + alert.acknowledgement().at());
        }
        Instant now = clock.instant();
        var event = events.create(EventType.ALERT_ACKNOWLEDGED, alert.orderId(), new AlertAcknowledged(alertId,
                alert.orderId(), alert.recipient(), personId, now));
        // the chain stops: nobody further up needs to be woken for this event (a follow-up, ADR 11)
        FollowUp stop = followUps.pending(STOP_CHAIN);
        // conditional on nobody having acknowledged it, not on the version: a delivery being recorded meanwhile
        // changes other fields and must not turn the officer's acknowledgement away
        var updated = outbox.update(query(where("_id").is(alertId).and("acknowledgement").is(null)),
                new Update().set("acknowledgement", new AlertDocument.Acknowledgement(personId, now, note, capacity,
                        IdempotentRequest.currentId()))
                        .unset("acknowledgeBy")
                        .set("readAt", alert.readAt() == null && recipient ? now : alert.readAt())
                        .push(FollowUp.FIELD, stop).inc("version", 1), AlertDocument.class, List.of(event));
        if (updated == null) {
            var current = alerts.require(alertId);
            if (current.acknowledged() && IdempotentRequest.isCurrent(current.acknowledgement().requestId())) {
                return current;
            }
            throw Problem.conflict("acknowledge-once", "alert " + alertId + " was acknowledged at the same time");
        }
        followUps.runNow(alertId, stop);
        return updated;
    }

    /** An acknowledgement's follow-up: no alert of its chain waits for an acknowledgement any more. */
    @Bean
    static FollowUpHandler stopChain(MongoTemplate mongo, AlertQueries alerts) {
        return FollowUpHandler.of(STOP_CHAIN, AlertDocument.class, alertId -> mongo.updateMulti(
                query(where("rootAlertId").is(alerts.require(alertId).rootAlertId()).and("acknowledgeBy").ne(null)),
                new Update().unset("acknowledgeBy").inc("version", 1), AlertDocument.class));
    }

    /** Marks an alert read (the inbox's unread filter). */
    public AlertDocument markRead(String alertId, String agencyId, String personId) {
        var alert = alerts.require(alertId);
        if (!alert.isFor(agencyId, personId)) {
            throw Problem.rule("read-by-recipient", "personId", "only the alert's recipient reads it");
        }
        if (alert.readAt() == null) {
            mongo.updateFirst(query(where("_id").is(alertId).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()).inc("version", 1), AlertDocument.class);
        }
        return alerts.require(alertId);
    }
}
