package uk.orderwatch.breachreport.attendance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A session added by hand to a programme requirement. */
public record AddSessionRequest(@NotBlank @Size(max = 64) String conditionId, @NotNull Instant start,
                  @NotNull @Min(1) @Max(1440) Integer durationMinutes) {
}
