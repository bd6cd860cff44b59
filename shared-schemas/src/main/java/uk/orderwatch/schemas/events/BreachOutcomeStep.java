package uk.orderwatch.schemas.events;

/**
 * The steps of a breach after its report: breach of an SPO without reasonable excuse is an either-way offence
 * (Stalking Protection Act 2019 s.8). Terminal steps end the breach's life in orderwatch.
 */
public enum BreachOutcomeStep {
    /** Officers attended the report. */
    ATTENDED(false),
    ARRESTED(false),
    /** Interviewed under caution without arrest. */
    VOLUNTARY_INTERVIEW(false),
    RELEASED_UNDER_INVESTIGATION(false),
    CHARGED(false),
    NO_FURTHER_ACTION(true),
    CONVICTED(true),
    ACQUITTED(true);

    private final boolean terminal;

    BreachOutcomeStep(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether nothing follows this step. */
    public boolean terminal() {
        return terminal;
    }

    /** Whether this step is a court's verdict, which only follows a charge. */
    public boolean verdict() {
        return this == CONVICTED || this == ACQUITTED;
    }
}
