package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The court discharged the order. */
public record DischargeOrderRequest(
        @NotNull LocalDate dischargedOn,
        @Schema(description = "The court's reason. Read by the police and the advocate only, never by probation; "
                + "never sent to other services.") @NotBlank @Size(max = 2000) String reason) {
}
