package uk.orderwatch.schemas.events;

/** Orders of the stalking-protection shape that orderwatch monitors. */
public enum OrderType {
    /** Stalking Protection Order, Stalking Protection Act 2019. */
    SPO("stalking protection order"),
    /** Interim SPO, made while the full application is pending. */
    INTERIM_SPO("interim stalking protection order"),
    /** Domestic Abuse Protection Order, Domestic Abuse Act 2021. */
    DAPO("domestic abuse protection order"),
    /** Restraining order, Sentencing Act 2020 s.360. */
    RESTRAINING_ORDER("restraining order"),
    /** Non-molestation order, Family Law Act 1996 s.42. */
    NON_MOLESTATION_ORDER("non-molestation order");

    private final String label;

    OrderType(String label) {
        this.label = label;
    }

    /** The order's name in words, within a sentence: "stalking protection order". */
    public String label() {
        return label;
    }
}
