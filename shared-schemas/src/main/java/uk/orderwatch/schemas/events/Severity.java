package uk.orderwatch.schemas.events;

/** How urgently a compliance event needs a human. */
public enum Severity {
    HIGH,
    MEDIUM,
    LOW
}
