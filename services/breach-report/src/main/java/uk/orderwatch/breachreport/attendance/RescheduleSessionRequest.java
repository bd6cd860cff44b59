package uk.orderwatch.breachreport.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A session moved to another time. */
public record RescheduleSessionRequest(@NotNull Instant start, @NotBlank @Size(max = 1000) String reason) {
}
