package uk.orderwatch.breachreport.breaches;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.schemas.events.NoFurtherActionReason;

/** What the police did next about a reported breach: one step, when, and whether a reasonable excuse was raised. */
@io.swagger.v3.oas.annotations.media.Schema(name = "RecordBreachOutcomeRequest")
public record RecordOutcomeRequest(
        @NotNull BreachOutcomeStep step,
        @NotNull Instant at,
        @Schema(description = "Whether the subject raised the defence of reasonable excuse at this step")
        Boolean reasonableExcuseRaised,
        @Schema(description = "For NO_FURTHER_ACTION only, and required there") NoFurtherActionReason
        noFurtherActionReason) {
}
