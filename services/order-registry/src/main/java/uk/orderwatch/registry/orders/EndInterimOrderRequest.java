package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import uk.orderwatch.schemas.events.OrderStatus;

/** How an interim SPO ended without a full order, and when. */
public record EndInterimOrderRequest(
        @Schema(description = "FULL_ORDER_REFUSED or APPLICATION_WITHDRAWN", allowableValues = {"FULL_ORDER_REFUSED",
                "APPLICATION_WITHDRAWN"}) @NotNull OrderStatus outcome,
        @Schema(description = "The day the court refused the full order or the application was withdrawn")
        @NotNull LocalDate decidedOn) {
}
