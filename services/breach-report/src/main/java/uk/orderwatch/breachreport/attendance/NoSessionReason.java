package uk.orderwatch.breachreport.attendance;

/** Why a session did not happen (HMPPS vocabulary). */
public enum NoSessionReason {
    /** Acceptable absence of the person on probation. */
    POP_ACCEPTABLE,
    /** Unacceptable absence of the person on probation. */
    POP_UNACCEPTABLE,
    /** Cancelled by the provider. */
    LOGISTICS
}
