package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code alert.failed}: every outbound channel of the recipient failed. The alert stays in the inbox, failed channels
 * are retried from the store, and the alert escalates.
 */
public record AlertFailed(String alertId, String orderId, Recipient recipient, List<String> channels,
                          Instant failedAt) {
}
