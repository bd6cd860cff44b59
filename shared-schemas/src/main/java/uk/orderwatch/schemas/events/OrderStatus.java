package uk.orderwatch.schemas.events;

/** Where an order is in its life. An order binds the subject only once it is served. */
public enum OrderStatus {
    /** Made by the court, not yet served on the subject. */
    GRANTED,
    SERVED,
    DISCHARGED,
    EXPIRED,
    /** An interim order replaced by the full order. */
    SUPERSEDED
}
