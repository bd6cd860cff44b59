package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.orderwatch.schemas.events.AgencyKind;

/**
 * Who works the case for one kind of agency from now on: a new officer in charge, practitioner or caseworker, or a
 * probation delivery unit or advocacy service allocated to an order that had none. Not a court's decision.
 */
public record ReassignOrderRequest(
        @Schema(description = "Which of the order's assignments changes") @NotNull AgencyKind agencyKind,
        @Schema(description = "The agency; for POLICE it stays the force holding the order") @NotBlank @Size(max = 64)
        String agencyId,
        @Schema(description = "The person there who takes the case") @NotBlank @Size(max = 64) String personId) {
}
