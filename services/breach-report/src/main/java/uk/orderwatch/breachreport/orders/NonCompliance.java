package uk.orderwatch.breachreport.orders;

/**
 * The follow-up a recorded failure (an unacceptable absence, a behaviour concern) records (ADR 11): its order's
 * enforcement reviews are checked after the write. Named here so the recording features need not depend on
 * enforcement, which handles it. Breaches are not counted: they are the police's (breach.outcome-recorded).
 */
public final class NonCompliance {

    /** Recorded on a session when a miss or a behaviour concern is recorded for it. */
    public static final String SESSION_CHECK = "session-enforcement-check";

    private NonCompliance() {
    }
}
