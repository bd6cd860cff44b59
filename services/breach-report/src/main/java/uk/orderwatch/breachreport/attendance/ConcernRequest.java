package uk.orderwatch.breachreport.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A behaviour concern seen at the session. */
public record ConcernRequest(@NotBlank @Size(max = 4000) String description, boolean tellPractitioner, boolean risk) {
}
