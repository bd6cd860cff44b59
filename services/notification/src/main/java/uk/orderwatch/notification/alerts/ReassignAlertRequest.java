package uk.orderwatch.notification.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor hands an alert to {@code personId}, a colleague in the recipient's agency. */
public record ReassignAlertRequest(@NotBlank @Size(max = 64) String personId) {
}
