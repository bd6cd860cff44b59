package uk.orderwatch.schemas.events;

/** The three kinds of agency that share an order. */
public enum AgencyKind {
    POLICE,
    PROBATION,
    ADVOCACY
}
