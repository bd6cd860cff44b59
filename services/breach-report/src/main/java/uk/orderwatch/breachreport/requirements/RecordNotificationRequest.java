package uk.orderwatch.breachreport.requirements;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import uk.orderwatch.breachreport.requirements.NotificationRequirement.NotificationKind;

/** A notification the subject made to the police, as the police record it (INITIAL, then each CHANGE). */
public record RecordNotificationRequest(@NotNull NotificationKind kind, @NotNull Instant notifiedAt) {
}
