package uk.orderwatch.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
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

/**
 * Raises alerts: exactly once per (source event, recipient), whom the routing table names, each told what its role
 * may know. The alert and its {@code alert.raised} event are one write.
 */
@Service
public class AlertRaiser {

    private final EventFactory events;
    private final OutboxWriter outbox;
    private final OrderReadModel orders;
    private final AlertStream stream;
    private final ApplicationEventPublisher stored;
    private final Clock clock;
    private final Recipient dutyDesk;
    private final Map<Severity, Duration> acknowledgeWithin;

    public AlertRaiser(EventFactory events, OutboxWriter outbox, OrderReadModel orders, AlertStream stream,
                       ApplicationEventPublisher stored, Clock clock, NotificationSettings settings) {
        this.events = events;
        this.outbox = outbox;
        this.orders = orders;
        this.stream = stream;
        this.stored = stored;
        this.clock = clock;
        this.dutyDesk = settings.dutyDesk().recipient();
        this.acknowledgeWithin = Map.of(Severity.HIGH, settings.acknowledgeWithin().high(),
                Severity.MEDIUM, settings.acknowledgeWithin().medium());
    }

    /** Raises the alerts {@code event} calls for; those it already raised (a redelivery) are left as they are. */
    public int raiseFor(CloudEvent<?> event) {
        int raised = 0;
        var order = orders.find(event.subject()).orElse(null);
        for (RoutedAlert routed : AlertRouting.route(event, dutyDesk)) {
            var message = AlertContent.render(event, routed.recipient(), routed.priority(), order,
                    policeAction(event, routed));
            String alertId = alertId(event.id(), routed.recipient());
            if (raise(alertId, event.id(), event.type(), event.subject(), routed.recipient(), routed.priority(),
                    message, alertId, 0)) {
                raised++;
            }
        }
        return raised;
    }

    /** For the advocate: what the police are doing about it. */
    private String policeAction(CloudEvent<?> event, RoutedAlert routed) {
        if (routed.recipient().role() != RecipientRole.ADVOCATE_CASEWORKER) {
            return null;
        }
        Duration within = acknowledgeWithin.get(routed.priority());
        return "The officer in charge has been alerted" + (within == null ? "."
                : " and must acknowledge within " + human(within) + "; if not, it goes to the duty inspector.");
    }

    /**
     * Stores one alert with its {@code alert.raised} event, shows it on the recipient's live stream and has its
     * channels tried at once ({@link AlertStored}); false when it exists already (the same event again).
     */
    boolean raise(String alertId, String sourceEventId, String sourceEventType, String orderId, Recipient recipient,
                  Severity priority, AlertContent.Message message, String rootAlertId, int level) {
        Instant now = clock.instant();
        Duration within = acknowledgeWithin.get(priority);
        List<OutboxEvent> raised = new ArrayList<>();
        raised.add(events.create(EventType.ALERT_RAISED, orderId, new AlertRaised(alertId, sourceEventId,
                sourceEventType, orderId, recipient, priority, message.title(), now)));
        var inbox = new AlertDocument.Delivery(ChannelType.INBOX, DeliveryStatus.DELIVERED, 1, now, null, null, null);
        var alert = new AlertDocument(alertId, 1, sourceEventId, sourceEventType, orderId, recipient, priority,
                message.title(), message.headline(), message.body(), message.fields(), now, rootAlertId, level,
                List.of(inbox), now, null,
                false, within == null || recipient.role() == RecipientRole.DUTY_DESK ? null : now.plus(within), null,
                null, null, null, raised, List.of());
        try {
            outbox.insert(alert, raised);
        } catch (DuplicateKeyException e) {
            return false;
        }
        stream.publish(AlertView.of(alert));
        stored.publishEvent(new AlertStored(alertId));
        return true;
    }

    static String alertId(String sourceEventId, Recipient recipient) {
        String key = sourceEventId + "|" + recipient.personId() + "|" + recipient.role();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String human(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
