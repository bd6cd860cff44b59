package uk.orderwatch.schemas.events;

/** Who did something: a person and the agency they act for. */
public record Actor(String personId, String agencyId) {
}
