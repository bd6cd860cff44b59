package uk.orderwatch.schemas.events;

/** {@code order.superseded}: an interim order was replaced by the full order {@code order.fullOrderId}. */
public record OrderSuperseded(OrderSnapshot order, Actor supersededBy) implements OrderEvent {
}
