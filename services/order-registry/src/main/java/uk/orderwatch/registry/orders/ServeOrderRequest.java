package uk.orderwatch.registry.orders;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The order was served on the subject at {@code servedAt}. */
public record ServeOrderRequest(@NotNull Instant servedAt) {
}
