package uk.orderwatch.schemas.events;

/** Orders of the stalking-protection shape that orderwatch monitors. */
public enum OrderType {
    /** Stalking Protection Order, Stalking Protection Act 2019. */
    SPO,
    /** Interim SPO, made while the full application is pending. */
    INTERIM_SPO,
    /** Domestic Abuse Protection Order, Domestic Abuse Act 2021. */
    DAPO,
    /** Restraining order, Sentencing Act 2020 s.360. */
    RESTRAINING_ORDER,
    /** Non-molestation order, Family Law Act 1996 s.42. */
    NON_MOLESTATION_ORDER
}
