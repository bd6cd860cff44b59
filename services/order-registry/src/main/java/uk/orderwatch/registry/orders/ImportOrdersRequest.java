package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A force's existing orders, brought in at once: each as it would be registered, and when it was served, if it was.
 * Validated whole; nothing is stored unless every order is right.
 */
public record ImportOrdersRequest(
        @NotEmpty @Size(max = ImportOrdersRequest.MOST) List<@Valid @NotNull ImportedOrder> orders) {

    /** The most orders one import brings in: a force imports in batches of this size. */
    public static final int MOST = 500;

    /**
     * One order.
     *
     * @param servedAt when it was served on the subject; absent for an order not yet served
     */
    public record ImportedOrder(@NotNull @Valid RegisterOrderRequest order,
                                @Schema(description = "When it was served; absent if not yet") Instant servedAt) {
    }
}
