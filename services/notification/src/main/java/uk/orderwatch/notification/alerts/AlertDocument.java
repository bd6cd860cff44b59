package uk.orderwatch.notification.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * One alert for one recipient: its content, the delivery of each channel, acknowledgement and escalation, and its
 * events until they are published. The id is derived from the source event and the recipient, so a redelivered event
 * finds the alert it already raised instead of raising a second one. {@code version} guards every change.
 *
 * @param rootAlertId      the first alert of an escalation chain (itself for a first alert)
 * @param deliveryDueAt    when the delivery worker should next try a channel; null when nothing is left to try
 * @param deliveryClaimedUntil a delivery worker is sending until then; others leave the alert alone
 * @param acknowledgeBy    the acknowledgement deadline; null for LOW priority, once acknowledged or escalated
 */
@Document(AlertDocument.COLLECTION)
public record AlertDocument(
        @Id String alertId,
        long version,
        String sourceEventId,
        String sourceEventType,
        String orderId,
        Recipient recipient,
        Severity priority,
        String title,
        String body,
        Map<String, String> fields,
        Instant raisedAt,
        String rootAlertId,
        int escalationLevel,
        List<Delivery> deliveries,
        Instant deliveryDueAt,
        Instant deliveryClaimedUntil,
        boolean failureReported,
        Instant acknowledgeBy,
        Acknowledgement acknowledgement,
        Instant readAt,
        String escalatedToAlertId,
        List<OutboxEvent> outbox) {

    /** What the audit log calls an alert. */
    public static final String AUDIT_RESOURCE = "alert";
    public static final String COLLECTION = "alerts";

    /** One channel's delivery, in GOV.UK Notify's status vocabulary. */
    public record Delivery(ChannelType channel, DeliveryStatus status, int attempts, Instant lastAttemptAt,
                           Instant nextAttemptAt, String providerReference, String lastError) {
    }

    /** Who took the alert on, when, and their note (the note stays here). */
    public record Acknowledgement(String personId, Instant at, String note) {
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }
}
