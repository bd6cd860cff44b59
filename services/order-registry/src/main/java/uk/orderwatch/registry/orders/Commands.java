package uk.orderwatch.registry.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.registry.orders.RegisterOrderRequest.AgenciesDto;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ConditionDto;

/** The requests that change an order after it is registered; who makes them comes from their token. */
public final class Commands {

    private Commands() {
    }

    /** The order was served on the subject at {@code servedAt}. */
    public record Serve(@NotNull Instant servedAt) {
    }

    /**
     * The court varied the order: any of the conditions (the whole new list), the agencies, or the end.
     */
    public record Vary(
            @Size(min = 1, max = 50) List<@Valid @NotNull ConditionDto> conditions,
            @Valid AgenciesDto agencies,
            LocalDate endsOn,
            Boolean untilFurtherOrder,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** The court renewed the order to a new end, or until further order. */
    public record Renew(LocalDate endsOn, Boolean untilFurtherOrder) {
    }

    /** The court discharged the order. */
    public record Discharge(@NotNull LocalDate dischargedOn, @NotBlank @Size(max = 2000) String reason) {
    }
}
