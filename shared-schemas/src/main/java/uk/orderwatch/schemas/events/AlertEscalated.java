package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code alert.escalated}: the alert was not acknowledged in time (or could not be delivered), so a new alert
 * {@code escalatedAlertId} went to {@code to}, the next person in the agency's chain.
 */
public record AlertEscalated(String alertId, String orderId, Recipient from, Recipient to, String escalatedAlertId,
                             int level, String reason, Instant escalatedAt) {
}
