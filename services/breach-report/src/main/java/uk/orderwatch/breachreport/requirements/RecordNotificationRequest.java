package uk.orderwatch.breachreport.requirements;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import uk.orderwatch.breachreport.requirements.NotificationRequirement.ChangedDetail;
import uk.orderwatch.breachreport.requirements.NotificationRequirement.NotificationKind;

/**
 * A notification the subject made to the police, as the police record it (INITIAL, then each CHANGE): for a change,
 * what changed and on which day; the names and address the subject gave, which the police alone read.
 */
public record RecordNotificationRequest(
        @NotNull NotificationKind kind,
        @NotNull Instant notifiedAt,
        @Schema(description = "For a CHANGE: NAME, HOME_ADDRESS or both") Set<@NotNull ChangedDetail> changed,
        @Schema(description = "For a CHANGE: the day of the change") LocalDate changedOn,
        @Schema(description = "The names the subject gave. Read by the police only; never sent to other services.")
        @Size(max = 1000) String notifiedNames,
        @Schema(description = "The home address the subject gave. Read by the police only; never sent to other "
                + "services.") @Size(max = 500) String notifiedAddress) {

    /** A change the police learnt of, which the subject must notify within 3 days of the day it happened. */
    public record ChangeRequest(@NotEmpty Set<@NotNull ChangedDetail> changed, @NotNull LocalDate changedOn) {
    }
}
