package uk.orderwatch.breachreport.breaches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A reported breach. {@code location} and {@code description} may identify the victim: they are stored here, never
 * published, never logged.
 */
public record ReportBreachRequest(
        @NotBlank @Size(max = 64) String conditionId,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 500) String location,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidenceReferences) {
}
