package uk.orderwatch.compliance.attendance;

/** Did the subject attend a session that happened (HMPPS vocabulary). */
public enum Attendance {
    YES,
    LATE,
    NO
}
