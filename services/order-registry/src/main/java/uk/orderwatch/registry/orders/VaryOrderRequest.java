package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ConditionDto;

/**
 * The court varied the order: its conditions (the whole new list) or its end. Who works the case is not the court's
 * to vary: that is a reassignment ({@link ReassignOrderRequest}).
 */
public record VaryOrderRequest(
        @Size(min = 1, max = 50) List<@Valid @NotNull ConditionDto> conditions,
        LocalDate endsOn,
        Boolean untilFurtherOrder,
        @Schema(description = "The court's reason. Read by the police and the advocate only, never by probation; "
                + "never sent to other services.") @NotBlank @Size(max = 2000) String reason) {
}
