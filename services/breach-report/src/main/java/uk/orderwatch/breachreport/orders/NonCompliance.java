package uk.orderwatch.breachreport.orders;

/**
 * The follow-ups a stored breach or unacceptable absence records (ADR 11): its order's enforcement review is checked
 * after the write. Named here so the recording features need not depend on enforcement, which handles them.
 */
public final class NonCompliance {

    /** Recorded on a breach when it is stored. */
    public static final String BREACH_CHECK = "breach-enforcement-check";
    /** Recorded on a session when a miss is recorded for it. */
    public static final String SESSION_CHECK = "session-enforcement-check";

    private NonCompliance() {
    }
}
