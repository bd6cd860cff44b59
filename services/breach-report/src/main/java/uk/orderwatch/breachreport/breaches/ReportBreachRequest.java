package uk.orderwatch.breachreport.breaches;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import uk.orderwatch.breachreport.ReadBy;

/**
 * A reported breach. {@code location} and {@code description} may identify the victim: they are stored here, never
 * published, never logged.
 */
public record ReportBreachRequest(
        @NotBlank @Size(max = 64) String conditionId,
        @NotNull Instant occurredAt,
        @Schema(description = ReadBy.BREACH_TEXT) @NotBlank @Size(max = 4000) String description,
        @Schema(description = ReadBy.BREACH_TEXT) @Size(max = 500) String location,
        @Schema(description = ReadBy.BREACH_TEXT) @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidenceReferences) {
}
