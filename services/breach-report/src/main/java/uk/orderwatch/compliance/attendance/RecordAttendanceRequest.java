package uk.orderwatch.compliance.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A probation practitioner's record of one programme session. */
public record RecordAttendanceRequest(
        @NotBlank @Size(max = 64) String conditionId,
        @NotNull Instant sessionStart,
        Boolean didSessionHappen,
        Attendance attended,
        @Size(max = 1000) String lateReason,
        NoSessionReason noSessionReason,
        @NotNull @Valid Recorder recordedBy) {

    public record Recorder(@NotBlank @Size(max = 64) String personId, @NotBlank @Size(max = 64) String agencyId) {
    }

    public boolean sessionHappened() {
        return didSessionHappen == null || didSessionHappen;
    }
}
