package uk.orderwatch.breachreport.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What probation sends about sessions. */
public final class SessionRequests {

    private SessionRequests() {
    }

    /** A session added by hand to a programme requirement. */
    public record Add(@NotBlank @Size(max = 64) String conditionId, @NotNull Instant start,
                      @NotNull @Min(1) @Max(1440) Integer durationMinutes) {
    }

    /** A session moved to another time. */
    public record Reschedule(@NotNull Instant start, @NotBlank @Size(max = 1000) String reason) {
    }

    /** A behaviour concern seen at the session. */
    public record Concern(@NotBlank @Size(max = 4000) String description, boolean tellPractitioner, boolean risk) {
    }

    /**
     * The outcome of a session. {@code correctionReason} is required when an outcome is already recorded: the new
     * entry corrects it, and both stay.
     */
    public record Outcome(
            Boolean didSessionHappen,
            Attendance attended,
            @Size(max = 1000) String lateReason,
            NoSessionReason noSessionReason,
            @Valid Concern concern,
            @Size(max = 1000) String correctionReason) {

        public boolean sessionHappened() {
            return didSessionHappen == null || didSessionHappen;
        }
    }

    /** An outcome for the session of a requirement that started at {@code sessionStart}, planned or not. */
    public record ByStart(
            @NotBlank @Size(max = 64) String conditionId,
            @NotNull Instant sessionStart,
            @Min(1) @Max(1440) Integer durationMinutes,
            Boolean didSessionHappen,
            Attendance attended,
            @Size(max = 1000) String lateReason,
            NoSessionReason noSessionReason,
            @Valid Concern concern,
            @Size(max = 1000) String correctionReason) {

        Outcome outcome() {
            return new Outcome(didSessionHappen, attended, lateReason, noSessionReason, concern, correctionReason);
        }
    }
}
