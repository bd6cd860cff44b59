package uk.orderwatch.breachreport.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The outcome of a session. {@code correctionReason} is required when an outcome is already recorded: the new
 * entry corrects it, and both stay.
 */
public record RecordOutcomeRequest(
        Boolean didSessionHappen,
        Attendance attended,
        @Size(max = 1000) String lateReason,
        NoSessionReason noSessionReason,
        @Valid ConcernRequest concern,
        @Size(max = 1000) String correctionReason) {

    public boolean sessionHappened() {
        return didSessionHappen == null || didSessionHappen;
    }
}
