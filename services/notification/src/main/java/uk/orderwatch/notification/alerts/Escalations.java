package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.notification.duty.DutyService;
import uk.orderwatch.notification.duty.EscalationPolicy;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertEscalated;
import uk.orderwatch.schemas.events.AlertFailed;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.web.Problem;

/**
 * An alert nobody acknowledged in time, or that no channel could deliver, walks its agency's escalation policy: the
 * next step's person (whoever is on duty, a named person, the fallback) gets an alert of their own, with the step's
 * time to acknowledge. A step with nobody on duty is passed over, and so is one that would alert again the person who
 * just did not answer (unless it is the last). When the policy is exhausted, {@code alert.failed} says so and the
 * fallback and the agency's supervisors are told, loudly. Each step is claimed by a compare-and-set, so it happens
 * once however many instances try, and is audited.
 */
@Service
public class Escalations {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AlertQueries alerts;
    private final AlertRaiser raiser;
    private final DutyService duty;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final Clock clock;
    private final FollowUps followUps;

    /** The follow-up of an escalation's claim: raising the escalated alert. */
    static final String RAISE_ESCALATED = "raise-escalated-alert";
    /** The follow-up of an exhausted policy: telling the fallback and the supervisors. */
    static final String TELL_EXHAUSTED = "tell-policy-exhausted";
    /** The follow-up of an alert every channel failed to deliver: escalating it. */
    public static final String ESCALATE_UNDELIVERED = "escalate-undelivered";
    /** {@code alert.escalated}'s reason when a supervisor handed the alert to a colleague. */
    static final String REASSIGNED = "reassigned";
    /** {@code alert.failed}'s reason when the policy ran out. */
    static final String EXHAUSTED = "policy-exhausted";

    private final AlertMetrics metrics;

    public Escalations(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, AlertQueries alerts,
                       AlertRaiser raiser, DutyService duty, DirectoryService directory, AuditLog audit, Clock clock,
                       FollowUps followUps, AlertMetrics metrics) {
        this.followUps = followUps;
        this.metrics = metrics;
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.alerts = alerts;
        this.raiser = raiser;
        this.duty = duty;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
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

    /**
     * Takes the alert's next step, or, with none left, tells the fallback and the supervisors. A LOW alert, which
     * nobody has to acknowledge, walks no policy.
     */
    public boolean escalate(AlertDocument alert, String reason) {
        if (!open(alert) || alert.priority() == Severity.LOW) {
            return false;
        }
        var root = alert.rootAlertId().equals(alert.alertId()) ? alert : alerts.require(alert.rootAlertId());
        Instant now = clock.instant();
        var next = next(alert, root.recipient(), now);
        if (next.isEmpty()) {
            return exhaust(alert, reason, now);
        }
        var step = next.get();
        var to = step.to().get(0);
        var with = step.to().subList(1, step.to().size());
        List<OutboxEvent> escalated = new java.util.ArrayList<>();
        for (Recipient r : step.to()) {
            escalated.add(events.create(EventType.ALERT_ESCALATED, alert.orderId(), new AlertEscalated(
                    alert.alertId(), alert.orderId(), alert.recipient(), r, escalatedId(alert, step.level(), r, to),
                    step.level(), reason, now)));
        }
        // the escalated alerts are raised after the claim: the claim records it as a follow-up (ADR 11)
        FollowUp raise = followUps.pending(RAISE_ESCALATED);
        var claimed = outbox.update(claim(alert),
                new Update().set("escalatedToAlertId", escalatedId(alert, step.level(), to, to))
                        .set("escalation", new AlertDocument.Escalation(to, reason, step.acknowledgeWithin(),
                                step.level(), with.isEmpty() ? null : List.copyOf(with)))
                        .unset("acknowledgeBy").push(FollowUp.FIELD, raise).inc("version", 1),
                AlertDocument.class, escalated);
        if (claimed == null) {
            return false;
        }
        metrics.escalated(alert);
        audit.change(null, AlertDocument.AUDIT_RESOURCE, alert.alertId(), List.of("escalated (" + reason
                + ") to " + step.to().stream().map(Recipient::personId).toList() + " of " + to.agencyId()
                + ", step " + step.level()));
        followUps.runNow(alert.alertId(), raise);
        return true;
    }

    /**
     * A supervisor of the recipient's agency hands an alert nobody has taken on to a colleague there: an alert of
     * their own, with the time to acknowledge of the step it was at, from which the policy walks on.
     */
    public AlertDocument reassign(AlertDocument alert, String personId, Caller caller) {
        if (!alert.isSupervisedBy(caller)) {
            throw Problem.rule("supervisor-acts", "personId", "only a supervisor of the recipient's agency "
                    + "reassigns an alert");
        }
        String agencyId = alert.recipient().agencyId();
        if (directory.find(agencyId).flatMap(a -> a.person(personId)).isEmpty()) {
            throw Problem.rule("agency-person", "personId", "no person " + personId + " in " + agencyId);
        }
        if (personId.equals(alert.recipient().personId())) {
            throw Problem.rule("reassignment-changes", "personId", personId + " already has this alert");
        }
        if (!open(alert)) {
            throw Problem.rule("alert-open", "alertId", "the alert was " + (alert.acknowledged() ? "acknowledged"
                    : "escalated") + " already");
        }
        var to = new Recipient(personId, agencyId, alert.recipient().role());
        var wait = alert.acknowledgeBy() == null ? null : duty.policy(agencyId, alert.priority())
                .map(p -> p.walk()).filter(w -> alert.escalationLevel() < w.size())
                .map(w -> w.get(alert.escalationLevel()).acknowledgeWithin()).orElse(null);
        String reassignedId = UUID.nameUUIDFromBytes((alert.alertId() + "|reassigned|" + personId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        var event = events.create(EventType.ALERT_ESCALATED, alert.orderId(), new AlertEscalated(alert.alertId(),
                alert.orderId(), alert.recipient(), to, reassignedId, alert.escalationLevel(), REASSIGNED, now));
        FollowUp raise = followUps.pending(RAISE_ESCALATED);
        var claimed = outbox.update(claim(alert), new Update().set("escalatedToAlertId", reassignedId)
                        .set("escalation", new AlertDocument.Escalation(to, REASSIGNED, wait, alert.escalationLevel(),
                                null))
                        .unset("acknowledgeBy").push(FollowUp.FIELD, raise).inc("version", 1),
                AlertDocument.class, List.of(event));
        if (claimed == null) {
            throw Problem.conflict("concurrent-change", "alert " + alert.alertId() + " changed at the same time; "
                    + "try again");
        }
        followUps.runNow(alert.alertId(), raise);
        return alerts.require(alert.alertId());
    }

    /**
     * The id of the alert a step raises for {@code r}: one per root alert and step, and per person beyond the first
     * of a group, so whoever raises it first raises it once.
     */
    private static String escalatedId(AlertDocument alert, int level, Recipient r, Recipient first) {
        String key = alert.rootAlertId() + "|escalation|" + level + (r.equals(first) ? "" : "|" + r.personId());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The step after the alert's in its agency's policy, as the policy is now, that reaches someone now. */
    private Optional<EscalationPolicy.Taken> next(AlertDocument alert, Recipient assigned, Instant now) {
        return duty.policy(assigned.agencyId(), alert.priority()).flatMap(p -> p.after(alert.escalationLevel(),
                step -> duty.reach(step, assigned, now), alert.recipient().personId()));
    }

    private static org.springframework.data.mongodb.core.query.Query claim(AlertDocument alert) {
        return query(where("_id").is(alert.alertId()).and("version").is(alert.version())
                .and("escalation").is(null).and("acknowledgement").is(null));
    }

    /** Nobody further to go to: {@code alert.failed}, and the fallback and the supervisors are told (a follow-up). */
    private boolean exhaust(AlertDocument alert, String reason, Instant now) {
        var failedChannels = alert.deliveries().stream()
                .filter(d -> d.status() == DeliveryStatus.PERMANENT_FAILURE
                        || d.status() == DeliveryStatus.TEMPORARY_FAILURE)
                .map(d -> d.channel().name()).toList();
        var failed = events.create(EventType.ALERT_FAILED, alert.orderId(), new AlertFailed(alert.alertId(),
                alert.orderId(), alert.recipient(), failedChannels, now, EXHAUSTED));
        FollowUp tell = followUps.pending(TELL_EXHAUSTED);
        var claimed = outbox.update(claim(alert),
                new Update()
                        .set("escalation",
                                new AlertDocument.Escalation(null, reason, null, alert.escalationLevel(), null))
                        .unset("acknowledgeBy").push(FollowUp.FIELD, tell).inc("version", 1),
                AlertDocument.class, List.of(failed));
        if (claimed == null) {
            return false;
        }
        metrics.failed(alert);
        audit.change(null, AlertDocument.AUDIT_RESOURCE, alert.alertId(), List.of("escalation policy of "
                + alert.recipient().agencyId() + " exhausted (" + reason + "): the fallback and supervisors told"));
        followUps.runNow(alert.alertId(), tell);
        return true;
    }

    /** Whether the alert can still escalate: nobody took it on and it has not escalated or run out. */
    private static boolean open(AlertDocument alert) {
        return !alert.acknowledged() && alert.escalation() == null;
    }

    /** Raises the alert the escalation of {@code alertId} calls for; it exists once, whoever raises it first. */
    void raiseEscalated(String alertId) {
        var alert = alerts.require(alertId);
        if (alert.escalatedToAlertId() == null || alert.escalation() == null) {
            return;
        }
        String reason = alert.escalation().reason();
        String escalated = reason.equals(REASSIGNED) ? "Reassigned to you: "
                : "Escalated (" + reason.replace('-', ' ') + "): ";
        String why = switch (reason) {
            case REASSIGNED -> "A supervisor handed this alert to you from " + alert.recipient().personId() + ".";
            case "not-delivered" -> "Not delivered to " + alert.recipient().personId() + " in time.";
            default -> "Not acknowledged by " + alert.recipient().personId() + " in time.";
        };
        var message = new AlertContent.Message(escalated + alert.title(), escalated + alert.headline(),
                alert.fields(), why + "\n" + alert.body());
        var e = alert.escalation();
        raiser.raise(alert.escalatedToAlertId(), alert.sourceEventId(), alert.sourceEventType(), alert.orderId(),
                e.to(), alert.priority(), message, alert.rootAlertId(), e.level(), e.acknowledgeWithin(),
                alert.traceparent());
        for (Recipient r : e.with() == null ? List.<Recipient>of() : e.with()) {
            raiser.raise(escalatedId(alert, e.level(), r, e.to()), alert.sourceEventId(), alert.sourceEventType(),
                    alert.orderId(), r, alert.priority(), message, alert.rootAlertId(), e.level(),
                    e.acknowledgeWithin(), alert.traceparent());
        }
    }

    /**
     * Tells the fallback (unless theirs was the alert that ran out) and each supervisor of the agency, HIGH, with
     * nothing further to escalate to: each alert exists once, whoever raises it first.
     */
    void tellExhausted(String alertId) {
        var alert = alerts.require(alertId);
        String agencyId = alert.recipient().agencyId();
        var people = new LinkedHashMap<String, Recipient>();
        people.put(duty.fallback(agencyId), null);
        directory.find(agencyId).ifPresent(a -> a.supervisors().forEach(p -> people.put(p.personId(), null)));
        people.remove(alert.recipient().personId());
        String prefix = "Nobody took this on: ";
        var message = new AlertContent.Message(prefix + alert.title(), prefix + alert.headline(), alert.fields(),
                "Every step of " + agencyId + "'s escalation policy was tried and nobody acknowledged this alert; "
                        + "the last was " + alert.recipient().personId() + ". Take it on now.\n" + alert.body());
        int beyond = alert.escalationLevel() + 1;
        for (String personId : people.keySet()) {
            String id = UUID.nameUUIDFromBytes((alert.rootAlertId() + "|exhausted|" + personId)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            var to = new Recipient(personId, agencyId, RecipientRole.ESCALATION_CONTACT);
            raiser.raise(id, alert.sourceEventId(), alert.sourceEventType(), alert.orderId(), to, Severity.HIGH,
                    message, alert.rootAlertId(), beyond, null, alert.traceparent());
        }
    }

    /** An escalation's follow-up: the escalated alert is raised. */
    @Bean
    static FollowUpHandler raiseEscalatedAlert(Escalations escalations) {
        return FollowUpHandler.of(RAISE_ESCALATED, AlertDocument.class, escalations::raiseEscalated);
    }

    /** An exhausted policy's follow-up: the fallback and the supervisors are told. */
    @Bean
    static FollowUpHandler tellPolicyExhausted(Escalations escalations) {
        return FollowUpHandler.of(TELL_EXHAUSTED, AlertDocument.class, escalations::tellExhausted);
    }

    /** The follow-up of an alert no channel could deliver: it escalates. */
    @Bean
    static FollowUpHandler escalateUndelivered(Escalations escalations, AlertQueries alerts) {
        return FollowUpHandler.of(ESCALATE_UNDELIVERED, AlertDocument.class, id -> {
            // nobody has to take a LOW alert on: it waits in the inbox while its channels are retried
            var alert = alerts.require(id);
            if (alert.priority() != Severity.LOW && !escalations.escalate(alert, "not-delivered")
                    && open(alerts.require(id))) {
                throw new IllegalStateException("alert " + id + " changed while escalating; it is tried again");
            }
        });
    }
}
