package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertEscalated;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.outbox.OutboxWriter;

/**
 * An alert nobody acknowledged in time, or that no channel could deliver, goes to the next person in its agency's
 * escalation chain, and at the chain's end to the duty desk. Each escalation is claimed by a compare-and-set, so it
 * happens once however many instances try.
 */
@Service
public class Escalations {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AlertQueries alerts;
    private final AlertRaiser raiser;
    private final DirectoryService directory;
    private final Clock clock;
    private final Recipient dutyDesk;
    private final FollowUps followUps;

    /** The follow-up of an escalation's claim: raising the escalated alert. */
    static final String RAISE_ESCALATED = "raise-escalated-alert";
    /** The follow-up of an alert every channel failed to deliver: escalating it. */
    public static final String ESCALATE_UNDELIVERED = "escalate-undelivered";

    public Escalations(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, AlertQueries alerts,
                       AlertRaiser raiser, DirectoryService directory, Clock clock, NotificationSettings settings,
                       FollowUps followUps) {
        this.followUps = followUps;
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.alerts = alerts;
        this.raiser = raiser;
        this.directory = directory;
        this.clock = clock;
        this.dutyDesk = settings.dutyDesk().recipient();
    }

    /**
     * Escalates every alert whose acknowledgement deadline passed: each is claimed by a compare-and-set, so when
     * several instances run this, each alert escalates once.
     */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (var alert : mongo.find(query(where("acknowledgeBy").lte(now).and("acknowledgement").is(null))
                .limit(200), AlertDocument.class)) {
            if (escalate(alert, "not-acknowledged")) {
                escalated++;
            }
        }
        return escalated;
    }

    /** Sends the alert to the next person in its agency's chain (or the duty desk at its end). */
    public boolean escalate(AlertDocument alert, String reason) {
        if (!open(alert)) {
            return false;
        }
        int level = alert.escalationLevel() + 1;
        Recipient next = nextInChain(alert, level);
        String escalatedId = UUID.nameUUIDFromBytes((alert.rootAlertId() + "|escalation|" + level)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        var escalation = events.create(EventType.ALERT_ESCALATED, alert.orderId(), new AlertEscalated(
                alert.alertId(), alert.orderId(), alert.recipient(), next, escalatedId, level, reason, now));
        // the escalated alert is raised after the claim: the claim records it as a follow-up (ADR 11)
        FollowUp raise = followUps.pending(RAISE_ESCALATED);
        var claimed = outbox.update(query(where("_id").is(alert.alertId()).and("version").is(alert.version())
                        .and("escalatedToAlertId").is(null)),
                new Update().set("escalatedToAlertId", escalatedId)
                        .set("escalation", new AlertDocument.Escalation(next, reason)).unset("acknowledgeBy")
                        .push(FollowUp.FIELD, raise).inc("version", 1),
                AlertDocument.class, List.of(escalation));
        if (claimed == null) {
            return false;
        }
        followUps.runNow(alert.alertId(), raise);
        return true;
    }

    /** Whether the alert can still escalate: nobody took it on, it has not escalated, it is not at the chain's end. */
    private static boolean open(AlertDocument alert) {
        return !alert.acknowledged() && alert.escalatedToAlertId() == null
                && alert.recipient().role() != RecipientRole.DUTY_DESK;
    }

    /** Raises the alert the escalation of {@code alertId} calls for; it exists once, whoever raises it first. */
    void raiseEscalated(String alertId) {
        var alert = alerts.require(alertId);
        if (alert.escalatedToAlertId() == null || alert.escalation() == null) {
            return;
        }
        String reason = alert.escalation().reason();
        String escalated = "Escalated (" + reason.replace('-', ' ') + "): ";
        var message = new AlertContent.Message(escalated + alert.title(), escalated + alert.headline(),
                alert.fields(), "Not acknowledged by " + alert.recipient().personId() + " in time.\n" + alert.body());
        raiser.raise(alert.escalatedToAlertId(), alert.sourceEventId(), alert.sourceEventType(), alert.orderId(),
                alert.escalation().to(), alert.priority(), message, alert.rootAlertId(), alert.escalationLevel() + 1);
    }

    /** An escalation's follow-up: the escalated alert is raised. */
    @Bean
    static FollowUpHandler raiseEscalatedAlert(Escalations escalations) {
        return FollowUpHandler.of(RAISE_ESCALATED, AlertDocument.class, escalations::raiseEscalated);
    }

    /** The follow-up of an alert no channel could deliver: it escalates. */
    @Bean
    static FollowUpHandler escalateUndelivered(Escalations escalations, AlertQueries alerts) {
        return FollowUpHandler.of(ESCALATE_UNDELIVERED, AlertDocument.class, id -> {
            if (!escalations.escalate(alerts.require(id), "not-delivered") && open(alerts.require(id))) {
                throw new IllegalStateException("alert " + id + " changed while escalating; it is tried again");
            }
        });
    }

    private Recipient nextInChain(AlertDocument alert, int level) {
        var root = alerts.require(alert.rootAlertId());
        var chain = directory.find(root.recipient().agencyId()).map(a -> a.escalationChain()).orElse(List.of())
                .stream().filter(p -> !p.equals(root.recipient().personId())).toList();
        return level <= chain.size()
                ? new Recipient(chain.get(level - 1), root.recipient().agencyId(), RecipientRole.ESCALATION_CONTACT)
                : dutyDesk;
    }
}
