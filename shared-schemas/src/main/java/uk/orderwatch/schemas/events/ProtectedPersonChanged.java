package uk.orderwatch.schemas.events;

/**
 * {@code order.protected-person-added} and {@code order.protected-person-updated}: the police added a person the
 * order protects, or the police or the person's advocate changed their details. Only the person's opaque id travels;
 * what changed (name, address, phone, email, safe-contact preferences) stays in order-registry.
 */
public record ProtectedPersonChanged(OrderSnapshot order, String protectedPersonId, Actor changedBy)
        implements OrderEvent {
}
