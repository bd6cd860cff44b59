package uk.orderwatch.schemas.events;

import java.util.List;

/**
 * {@code order.varied}: the court varied the order's conditions, agencies or end.
 *
 * @param changed which parts changed: {@code conditions}, {@code agencies}, {@code endsOn}. The court's reason is
 *                free text and stays in order-registry.
 */
public record OrderVaried(OrderSnapshot order, List<String> changed, Actor variedBy)
        implements OrderEvent {
}
