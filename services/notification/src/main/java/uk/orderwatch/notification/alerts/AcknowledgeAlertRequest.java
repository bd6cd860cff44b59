package uk.orderwatch.notification.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** An acknowledgement by the recipient (from their token), with an optional note (kept in notification). */
public record AcknowledgeAlertRequest(
        @Schema(description = "What you will do. Read by you and your own agency's supervisors (whoever may read the "
                + "alert), by no other agency; never published to other services.") @Size(max = 2000) String note) {
}
