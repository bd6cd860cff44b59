package uk.orderwatch.notification.duty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** What the duty API takes: a rota, a cover, an agency's escalation policies. */
public final class DutyRequests {

    private DutyRequests() {
    }

    /** A rota as a supervisor records it (its covers are kept). */
    public record RotaRequest(@NotBlank @Size(max = 200) String name,
                              @NotEmpty @Size(max = 10) List<@Valid @NotNull LayerRequest> layers) {
    }

    /**
     * A rotation: members take turns of {@code turnHours} hours, the first from {@code handoverAt} (local time in
     * England and Wales), on duty within {@code hours} (none: at every hour).
     */
    public record LayerRequest(@NotBlank @Size(max = 200) String name,
                               @NotEmpty @Size(max = 100) List<@NotBlank String> members,
                               @NotNull LocalDateTime handoverAt,
                               @NotNull @Min(1) @Max(24 * 28) Integer turnHours,
                               @Size(max = 14) List<@Valid @NotNull HoursRequest> hours) {
    }

    /** From {@code from} to {@code to} on each of {@code days}; past midnight when {@code to} is not after it. */
    public record HoursRequest(@NotEmpty List<@NotNull DayOfWeek> days, @NotNull LocalTime from,
                               @NotNull LocalTime to) {
    }

    /** {@code personId} covers from {@code from} to {@code to}: for {@code replaces} only, or the whole rota. */
    public record CoverRequest(@NotBlank String personId, String replaces, @NotNull Instant from,
                               @NotNull Instant to, @NotNull Rota.CoverReason reason) {
    }

    /**
     * An agency's escalation policies: {@code steps} (and {@code repeat}) for every alert that must be acknowledged,
     * or {@code highPriority} for HIGH ones when given; {@code unassignedRotaId}: the rota whose person on duty takes
     * an alert for a role the order assigns nobody to.
     */
    public record PoliciesRequest(@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String unassignedRotaId,
                                  @NotNull @Valid PolicyRequest policy, @Valid PolicyRequest highPriority) {
    }

    public record PolicyRequest(@NotEmpty @Size(max = 10) List<@Valid @NotNull StepRequest> steps,
                                @Min(0) @Max(5) Integer repeat) {
    }

    /** One step: whom it notifies and how many minutes they have to acknowledge. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EscalationStepRequest")
    public record StepRequest(@NotNull EscalationPolicy.Notify who, String rotaId, String personId,
                              @Size(max = 10) List<@NotBlank String> personIds,
                              @NotNull @Min(1) @Max(24 * 60) Integer waitMinutes) {
    }
}
