package uk.orderwatch.schemas.events;

import java.time.Instant;

/** {@code alert.delivered}: the alert reached its recipient through {@code channel} (INBOX, EMAIL, SMS, WEBHOOK). */
public record AlertDelivered(String alertId, String orderId, Recipient recipient, String channel,
                             Instant deliveredAt) {
}
