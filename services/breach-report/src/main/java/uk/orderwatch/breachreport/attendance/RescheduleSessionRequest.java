package uk.orderwatch.breachreport.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import uk.orderwatch.breachreport.ReadBy;

/** A session moved to another time. */
public record RescheduleSessionRequest(
        @NotNull Instant start, @Schema(description = ReadBy.SESSION_TEXT) @NotBlank @Size(max = 1000) String reason) {
}
