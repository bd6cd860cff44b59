package uk.orderwatch.breachreport.attendance;

/** Where a session is: planned, its outcome recorded, or called off because the order ended. */
public enum SessionStatus {
    SCHEDULED,
    RECORDED,
    /** The order ended (discharged, expired, superseded) before the session: nothing is expected of it. */
    WITHDRAWN
}
