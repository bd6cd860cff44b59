package uk.orderwatch.breachreport.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.orderwatch.breachreport.ReadBy;

/** A behaviour concern seen at the session. */
public record ConcernRequest(
        @Schema(description = ReadBy.SESSION_TEXT) @NotBlank @Size(max = 4000) String description,
        boolean tellPractitioner, boolean risk) {
}
