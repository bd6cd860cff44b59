package uk.orderwatch.schemas.events;

/** {@code order.registered}: police recorded an order the court granted. */
public record OrderRegistered(OrderSnapshot order, Actor registeredBy) implements OrderEvent {
}
