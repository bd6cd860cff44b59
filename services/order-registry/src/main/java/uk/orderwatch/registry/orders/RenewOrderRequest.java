package uk.orderwatch.registry.orders;

import java.time.LocalDate;

/** The court renewed the order to a new end, or until further order. */
public record RenewOrderRequest(LocalDate endsOn, Boolean untilFurtherOrder) {
}
