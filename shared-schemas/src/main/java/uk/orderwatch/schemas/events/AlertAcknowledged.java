package uk.orderwatch.schemas.events;

import java.time.Instant;

/** {@code alert.acknowledged}: someone took the alert on; its escalation stops. The note stays in notification. */
public record AlertAcknowledged(String alertId, String orderId, Recipient recipient, String acknowledgedBy,
                                Instant acknowledgedAt) {
}
