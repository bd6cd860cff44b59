package uk.orderwatch.notification.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * One alert for one recipient: its content, the delivery of each channel, acknowledgement and escalation, and its
 * events until they are published. The id is derived from the source event and the recipient, so a redelivered event
 * finds the alert it already raised instead of raising a second one. {@code version} guards every change.
 *
 * @param rootAlertId      the first alert of an escalation chain (itself for a first alert)
 * @param deliveryDueAt    when the delivery worker should next try a channel; null when nothing is left to try
 * @param deliveryClaimedUntil a delivery worker is sending until then; others leave the alert alone
 * @param acknowledgeBy    the acknowledgement deadline (the escalation policy's step); null for LOW priority, once
 *                         acknowledged or escalated, and for the alerts telling of an exhausted policy
 * @param escalation       whom the alert escalated to and why; {@code escalatedToAlertId} is the alert raised for them
 * @param followUps        what a change of this alert still implies (ADR 11): the escalated alert to raise, the
 *                         escalation of an alert no channel could deliver, the chain's deadlines to stop
 * @param sourceEventAt    when the source event happened (the report was accepted), for the report-to-delivery
 *                         time; null for an escalated alert and for alerts stored before it was kept
 * @param traceparent      the W3C trace context of the report's trace (ADR 23): its deliveries and escalations are
 *                         spans of it; null for alerts stored before it was kept
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
        String headline,
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
        Escalation escalation,
        List<OutboxEvent> outbox,
        List<FollowUp> followUps,
        Instant sourceEventAt,
        String traceparent) {

    /** Whether the alert's recipient is this person of this agency (a person id is unique within its agency only). */
    public boolean isFor(String agencyId, String personId) {
        return recipient.personId().equals(personId) && recipient.agencyId().equals(agencyId);
    }

    /** Whether {@code caller} is a supervisor of the agency of the alert's recipient (who sees and acts on it). */
    public boolean isSupervisedBy(uk.orderwatch.support.security.Caller caller) {
        return caller.supervisor() && caller.agencyId().equals(recipient.agencyId());
    }

    /** What the audit log calls an alert. */
    public static final String AUDIT_RESOURCE = "alert";
    public static final String COLLECTION = "alerts";

    /** One channel's delivery, in GOV.UK Notify's status vocabulary. */
    public record Delivery(ChannelType channel, DeliveryStatus status, int attempts, Instant lastAttemptAt,
                           Instant nextAttemptAt, String providerReference, String lastError) {
    }

    /**
     * Whom an alert escalated to, why ({@code not-acknowledged}, {@code not-delivered}), at which step of the policy's
     * walk ({@code level}) and how long they have to acknowledge; {@code to} is null when the escalation policy was
     * exhausted: nobody further to go to, so the fallback and the agency's supervisors were told. {@code with}: the
     * others of a group step, each given an alert of their own too.
     */
    public record Escalation(Recipient to, String reason, java.time.Duration acknowledgeWithin, int level,
                             List<Recipient> with) {

        public boolean exhausted() {
            return to == null;
        }
    }

    /**
     * Who took the alert on, when, in what capacity, and their note (the note stays here).
     *
     * @param as        RECIPIENT (null in alerts from before it existed), or a supervisor of the recipient's agency
     *                  acknowledging ON_BEHALF of the recipient, or TAKING_OVER the alert themselves
     * @param requestId the Idempotency-Key request that acknowledged it (ADR 11), never shown
     */
    public record Acknowledgement(String personId, Instant at, String note, AcknowledgedAs as,
                                  @JsonIgnore String requestId) {
    }

    /** The capacity in which someone acknowledged an alert. */
    public enum AcknowledgedAs { RECIPIENT, ON_BEHALF, TAKING_OVER }

    public boolean acknowledged() {
        return acknowledgement != null;
    }
}
