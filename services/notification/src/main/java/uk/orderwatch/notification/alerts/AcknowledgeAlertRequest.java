package uk.orderwatch.notification.alerts;

import jakarta.validation.constraints.Size;

/** An acknowledgement by the recipient (from their token), with an optional note (kept in notification). */
public record AcknowledgeAlertRequest(@Size(max = 2000) String note) {
}
