package uk.orderwatch.breachreport.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import uk.orderwatch.breachreport.ReadBy;

/** An outcome for the session of a requirement that started at {@code sessionStart}, planned or not. */
public record RecordAttendanceRequest(
        @NotBlank @Size(max = 64) String conditionId,
        @NotNull Instant sessionStart,
        @Min(1) @Max(1440) Integer durationMinutes,
        Boolean didSessionHappen,
        Attendance attended,
        @Schema(description = ReadBy.SESSION_TEXT) @Size(max = 1000) String lateReason,
        NoSessionReason noSessionReason,
        @Valid ConcernRequest concern,
        @Schema(description = ReadBy.SESSION_TEXT) @Size(max = 1000) String correctionReason) {

    RecordOutcomeRequest outcome() {
        return new RecordOutcomeRequest(didSessionHappen, attended, lateReason, noSessionReason, concern,
                correctionReason);
    }
}
