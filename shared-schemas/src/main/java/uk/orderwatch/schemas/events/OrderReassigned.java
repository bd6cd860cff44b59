package uk.orderwatch.schemas.events;

/**
 * {@code order.reassigned}: the case moved to another person or agency of one kind (a new officer in charge, a
 * practitioner or caseworker allocated or changed). No court was involved: it is not a variation.
 *
 * @param agencyKind which of the order's assignments changed; {@code order.agencies} holds the new one
 * @param previous   the assignment before, or null when no agency of this kind was involved
 */
public record OrderReassigned(OrderSnapshot order, AgencyKind agencyKind, Assignment previous, Actor reassignedBy)
        implements OrderEvent {
}
