package uk.orderwatch.notification.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * An acknowledgement (the person from their token), with an optional note (kept in notification): by the recipient,
 * or by a supervisor of the recipient's agency on their behalf or taking the alert over.
 */
public record AcknowledgeAlertRequest(
        @Schema(description = "What you will do. Read by you and your own agency's supervisors (whoever may read the "
                + "alert), by no other agency; never published to other services.") @Size(max = 2000) String note,
        @Schema(description = "RECIPIENT (the default); a supervisor of the recipient's agency acknowledges another "
                + "person's alert ON_BEHALF of them (they are dealing with it) or TAKING_OVER (the supervisor is)")
        AlertDocument.AcknowledgedAs as) {
}
