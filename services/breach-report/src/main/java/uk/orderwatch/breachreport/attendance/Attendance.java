package uk.orderwatch.breachreport.attendance;

/** Did the subject attend a session that happened (HMPPS vocabulary). */
public enum Attendance {
    YES,
    LATE,
    NO
}
