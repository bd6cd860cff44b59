package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code alert.raised}: notification raised an alert for one recipient because of a source event.
 * Exactly one per (source event, recipient).
 */
public record AlertRaised(
        String alertId,
        String sourceEventId,
        String sourceEventType,
        String orderId,
        Recipient recipient,
        Severity priority,
        String title,
        Instant raisedAt) {
}
