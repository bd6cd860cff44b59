package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderType;

/** What a police officer records when the court grants an order (who records it comes from their token). */
public record RegisterOrderRequest(
        @NotNull OrderType type,
        @NotNull @Valid CourtDto court,
        @NotBlank @Size(max = 64) String courtCaseReference,
        @NotNull LocalDate madeOn,
        LocalDate endsOn,
        Boolean untilFurtherOrder,
        @NotNull @Valid SubjectDto subject,
        @NotEmpty @Size(max = OrderRules.MOST_PROTECTED_PERSONS) List<@Valid @NotNull ProtectedPersonDto>
        protectedPersons,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull ConditionDto> conditions,
        @NotNull @Valid AgenciesDto agencies,
        @Size(max = 64) String interimOrderId,
        @Schema(description = "SEXUAL_OFFENCES_ACT_2003_PART_2 when the subject is already subject to the "
                + "notification requirements of the Sexual Offences Act 2003 Part 2 (Stalking Protection Act 2019 "
                + "s.9(5)): serving the SPO then starts no notification clock. A full SPO replacing an interim SPO "
                + "that was served is exempt by s.9(1)(a) without being told.")
        NotificationExemption notificationExemption) {

    /** Absent means the order has a fixed end. */
    public boolean endsUntilFurtherOrder() {
        return Boolean.TRUE.equals(untilFurtherOrder);
    }

    public record CourtDto(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 16) String code) {
    }

    public record SubjectDto(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases,
            LocalDate dateOfBirth,
            @Size(max = 500) String homeAddress,
            @Size(max = 32) String pncId,
            @Size(max = 32) String crn) {
    }

    /** A person the order protects. Their details never leave order-registry. */
    public record ProtectedPersonDto(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @Size(max = 32) String phone,
            @Size(max = 320) String email,
            @Size(max = 1000) String safeContactPreferences,
            @Size(max = 64) String advocatePersonId) {
    }

    /**
     * One prohibition or requirement.
     *
     * @param conditionId only when varying an order: keeps an existing condition's id; new ones get the next id
     */
    public record ConditionDto(
            @Size(max = 16) String conditionId,
            @NotNull ConditionCategory category,
            @Schema(description = "The condition's wording as the court made it. Read by the police, the probation "
                    + "practitioner and the advocate, except an exclusion zone's wording, which only the police and "
                    + "the advocate read. Never sent to other services.")
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 64) String supervisingAgencyId,
            @Valid ProgrammeDto programme,
            @Min(1) @Max(100_000) Integer distanceMetres,
            @Size(max = 200) String policeStation,
            @Valid ZoneDto zone,
            @Schema(description = "For a requirement: the person at the supervising agency responsible for it. "
                    + "Required for a DAPO's requirements (Domestic Abuse Act 2021 s.36).") @Size(max = 64)
            String responsiblePersonId) {
    }

    public record ProgrammeDto(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String provider,
            @NotNull @Min(1) @Max(500) Integer sessions,
            @Valid ScheduleDto schedule) {
    }

    public record ScheduleDto(@NotNull Instant firstSessionAt, @NotNull @Min(1) @Max(366) Integer intervalDays,
                              @NotNull @Min(1) @Max(1440) Integer durationMinutes) {
    }

    /** An exclusion zone's place: kept in order-registry only. */
    public record ZoneDto(
            @Schema(description = "The place. Read by the police and the advocate only.") @NotBlank @Size(max = 1000)
            String area,
            @Min(1) @Max(100_000) Integer radiusMetres) {
    }

    /**
     * An agency and the person there who manages the order; probation and advocacy may name nobody yet (whoever the
     * agency has on duty takes its alerts), the police always name the officer in charge.
     */
    public record AssignmentDto(@NotBlank @Size(max = 64) String agencyId, @Size(min = 1, max = 64) String personId) {
    }

    public record AgenciesDto(@NotNull @Valid AssignmentDto police, @Valid AssignmentDto probation,
                              @Valid AssignmentDto advocacy) {
    }
}
