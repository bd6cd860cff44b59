package uk.orderwatch.schemas.events;

/** An agency assigned to an order and the named person there who manages it. */
public record Assignment(String agencyId, String personId) {
}
