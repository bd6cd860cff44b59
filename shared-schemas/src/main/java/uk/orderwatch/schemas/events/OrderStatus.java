package uk.orderwatch.schemas.events;

/** Where an order is in its life. An order binds the subject only once it is served. */
public enum OrderStatus {
    /** Made by the court, not yet served on the subject. */
    GRANTED,
    SERVED,
    DISCHARGED,
    EXPIRED,
    /** An interim order replaced by the full order. */
    SUPERSEDED,
    /** An interim order that ended because the court refused the full order. */
    FULL_ORDER_REFUSED,
    /** An interim order that ended because the police withdrew the application for the full order. */
    APPLICATION_WITHDRAWN;

    /** The statuses of an order in force or about to be: granted or served, not yet ended. */
    public static final java.util.Set<OrderStatus> ACTIVE = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(GRANTED, SERVED));

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
