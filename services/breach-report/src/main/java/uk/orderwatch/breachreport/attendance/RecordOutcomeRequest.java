package uk.orderwatch.breachreport.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import uk.orderwatch.breachreport.ReadBy;

/**
 * The outcome of a session. {@code correctionReason} is required when an outcome is already recorded: the new
 * entry corrects it, and both stay.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "RecordSessionOutcomeRequest")
public record RecordOutcomeRequest(
        Boolean didSessionHappen,
        Attendance attended,
        @Schema(description = ReadBy.SESSION_TEXT) @Size(max = 1000) String lateReason,
        NoSessionReason noSessionReason,
        @Valid ConcernRequest concern,
        @Schema(description = ReadBy.SESSION_TEXT) @Size(max = 1000) String correctionReason) {

    public boolean sessionHappened() {
        return didSessionHappen == null || didSessionHappen;
    }
}
