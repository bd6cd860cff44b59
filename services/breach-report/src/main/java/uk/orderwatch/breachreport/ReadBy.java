package uk.orderwatch.breachreport;

/**
 * Who reads each piece of free text breach-report takes, in the words its API documents use. People type addresses
 * into any text box, so none of it is published in an event or written to a log; these say who it is shown to.
 */
public final class ReadBy {

    /** A breach's description, place and evidence references. */
    public static final String BREACH_TEXT = "Read by the police and the advocate on the order; by probation only "
            + "when probation reported the breach. Never published to other services.";

    /** A session's late reason, correction reason, reschedule reason and concern. */
    public static final String SESSION_TEXT = "Read by probation and the police on the order, not by the advocate. "
            + "Never published to other services.";

    private ReadBy() {
    }
}
