package uk.orderwatch.notification.directory;

/** The three kinds of agency that share an order. */
public enum AgencyKind {
    POLICE,
    PROBATION,
    ADVOCACY
}
