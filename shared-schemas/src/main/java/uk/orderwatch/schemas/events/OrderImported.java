package uk.orderwatch.schemas.events;

/**
 * {@code order.imported}: an order a force already had, brought into orderwatch with its history by a bulk import.
 * Nobody is alerted of it on its own: the import's {@code orders.imported} tells each person assigned once.
 */
public record OrderImported(OrderSnapshot order, String importId, Actor importedBy) implements OrderEvent {
}
