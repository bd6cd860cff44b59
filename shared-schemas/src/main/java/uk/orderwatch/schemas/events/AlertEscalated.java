package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code alert.escalated}: the alert was not acknowledged in time or could not be delivered ({@code reason}
 * {@code not-acknowledged}, {@code not-delivered}), so a new alert {@code escalatedAlertId} went to {@code to}, the
 * next step of the agency's escalation policy ({@code level}); or a supervisor handed it to a colleague
 * ({@code reassigned}, at the same level).
 */
public record AlertEscalated(String alertId, String orderId, Recipient from, Recipient to, String escalatedAlertId,
                             int level, String reason, Instant escalatedAt) {
}
