package uk.orderwatch.schemas.events;

import java.util.List;

/**
 * {@code order.varied}: the court varied the order's conditions, agencies or end.
 *
 * @param changed which parts changed: {@code conditions}, {@code agencies}, {@code endsOn}
 */
public record OrderVaried(OrderSnapshot order, List<String> changed, String reason, Actor variedBy)
        implements OrderEvent {
}
