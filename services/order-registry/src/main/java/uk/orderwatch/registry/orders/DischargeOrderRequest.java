package uk.orderwatch.registry.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The court discharged the order. */
public record DischargeOrderRequest(@NotNull LocalDate dischargedOn, @NotBlank @Size(max = 2000) String reason) {
}
