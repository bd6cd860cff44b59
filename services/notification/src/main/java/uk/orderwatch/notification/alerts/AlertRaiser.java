package uk.orderwatch.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.duty.AgencyDuty;
import uk.orderwatch.notification.duty.DutyService;
import uk.orderwatch.notification.orders.OrderReadModel;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.tracing.Traces;

/**
 * Raises alerts: exactly once per (source event, recipient), whom the routing table names, each told what its role
 * may know. The alert and its {@code alert.raised} event are one document; the alerts of one event are one write.
 */
@Service
public class AlertRaiser {

    private final EventFactory events;
    private final OutboxWriter outbox;
    private final OrderReadModel orders;
    private final AlertStream stream;
    private final ApplicationEventPublisher stored;
    private final Clock clock;
    private final DutyService duty;
    private final Duration claimFor;
    private final AlertMetrics metrics;
    private final Traces traces;

    public AlertRaiser(EventFactory events, OutboxWriter outbox, OrderReadModel orders, AlertStream stream,
                       ApplicationEventPublisher stored, Clock clock, DutyService duty,
                       NotificationSettings settings, AlertMetrics metrics, Traces traces) {
        this.traces = traces;
        this.claimFor = settings.delivery().claimFor();
        this.metrics = metrics;
        this.events = events;
        this.outbox = outbox;
        this.orders = orders;
        this.stream = stream;
        this.stored = stored;
        this.clock = clock;
        this.duty = duty;
    }

    /**
     * Raises the alerts {@code event} calls for; those it already raised (a redelivery) are left as they are. A role
     * the order assigns nobody to goes to whoever is on duty for that agency; its alert's id names the role, not the
     * person, so a redelivery after a handover finds the alert it raised.
     */
    public int raiseFor(CloudEvent<?> event) {
        var order = orders.find(event.subject()).orElse(null);
        Instant now = clock.instant();
        // each agency's duty arrangements read once per event, however many of its people are alerted
        Map<String, AgencyDuty> duties = new HashMap<>();
        Function<String, AgencyDuty> dutyOf = agencyId -> duties.computeIfAbsent(agencyId, duty::inForce);
        List<AlertDocument> alerts = new ArrayList<>();
        for (RoutedAlert routed : AlertRouting.route(event)) {
            String alertId = alertId(event.id(), routed.recipient());
            boolean unassigned = routed.recipient().personId() == null;
            Recipient recipient = unassigned
                    ? duty.onDutyFor(dutyOf.apply(routed.recipient().agencyId()), routed.recipient().role(), now)
                    : routed.recipient();
            var message = AlertContent.render(event, recipient, routed.priority(), order,
                    policeAction(routed, event, dutyOf));
            if (unassigned) {
                message = message.onDuty(AlertContent.roleName(recipient.role()));
            }
            var wait = duty.policy(dutyOf.apply(recipient.agencyId()), routed.priority())
                    .map(p -> p.steps().get(0).acknowledgeWithin()).orElse(null);
            alerts.add(alert(alertId, event.id(), event.type(), event.time(), event.subject(), recipient,
                    routed.priority(), message, alertId, 0, wait, now, traces.current()));
        }
        return store(alerts);
    }

    /** For the advocate: what the police are doing about it. */
    private String policeAction(RoutedAlert routed, CloudEvent<?> event, Function<String, AgencyDuty> dutyOf) {
        if (routed.recipient().role() != RecipientRole.ADVOCATE_CASEWORKER) {
            return null;
        }
        var police = event.data() instanceof uk.orderwatch.schemas.events.ComplianceEvent c
                ? c.agencies().police() : null;
        var wait = police == null ? null : duty.policy(dutyOf.apply(police.agencyId()), routed.priority())
                .map(p -> p.steps().get(0).acknowledgeWithin()).orElse(null);
        return "The officer in charge has been alerted" + (wait == null ? "."
                : " and must acknowledge within " + human(wait) + "; if not, it goes on to whoever the force has "
                + "on duty.");
    }

    /**
     * Stores one alert with its {@code alert.raised} event, shows it on the recipient's live stream and has its
     * channels tried at once ({@link AlertStored}); false when it exists already (the same event again). It belongs
     * to the trace {@code traceparent} names: an escalation's, the report's that raised the first alert.
     */
    boolean raise(String alertId, String sourceEventId, String sourceEventType, String orderId, Recipient recipient,
                  Severity priority, AlertContent.Message message, String rootAlertId, int level,
                  Duration acknowledgeWithin, String traceparent) {
        return traces.within("raise escalated alert", traceparent, null,
                Map.of("alert.id", alertId), () -> store(List.of(alert(alertId, sourceEventId, sourceEventType,
                        null, orderId, recipient, priority, message, rootAlertId, level, acknowledgeWithin,
                        clock.instant(), traces.current())))) == 1;
    }

    /**
     * A new alert with its {@code alert.raised} event in its outbox, due for delivery and already claimed for it by
     * this instance: the insert that stores it is the claim, so the delivery right after needs no claim of its own.
     */
    private AlertDocument alert(String alertId, String sourceEventId, String sourceEventType, Instant sourceEventAt,
                                String orderId, Recipient recipient, Severity priority, AlertContent.Message message,
                                String rootAlertId, int level, Duration acknowledgeWithin, Instant now,
                                String traceparent) {
        List<OutboxEvent> raised = new ArrayList<>();
        raised.add(events.create(EventType.ALERT_RAISED, orderId, new AlertRaised(alertId, sourceEventId,
                sourceEventType, orderId, recipient, priority, message.title(), now)));
        var inbox = new AlertDocument.Delivery(ChannelType.INBOX, DeliveryStatus.DELIVERED, 1, now, null, null, null);
        Instant claimedUntil = now.plus(claimFor).truncatedTo(ChronoUnit.MILLIS);
        return new AlertDocument(alertId, 1, sourceEventId, sourceEventType, orderId, recipient, priority,
                message.title(), message.headline(), message.body(), message.fields(), now, rootAlertId, level,
                List.of(inbox), now, claimedUntil,
                false, acknowledgeWithin == null ? null : now.plus(acknowledgeWithin), null,
                null, null, null, raised, List.of(), sourceEventAt, traceparent);
    }

    /**
     * Stores new alerts in one write, each with its events; shows each stored on its recipient's live stream and has
     * its channels tried at once. Those that exist already (a redelivered event) are left as they are. Answers how
     * many were stored.
     */
    private int store(List<AlertDocument> alerts) {
        var stored = outbox.insertAll(alerts, AlertDocument::outbox);
        for (AlertDocument alert : stored) {
            metrics.raised(alert);
            stream.publish(AlertView.of(alert));
            this.stored.publishEvent(new AlertStored(alert));
        }
        return stored.size();
    }

    static String alertId(String sourceEventId, Recipient recipient) {
        String who = recipient.personId() != null ? recipient.personId() : "on-duty@" + recipient.agencyId();
        String key = sourceEventId + "|" + who + "|" + recipient.role();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String human(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
