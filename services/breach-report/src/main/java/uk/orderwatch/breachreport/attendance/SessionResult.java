package uk.orderwatch.breachreport.attendance;

import uk.orderwatch.schemas.EventType;
import uk.orderwatch.support.web.Problem;

/**
 * What a recorded session outcome means for compliance: the one place this classification lives. (What probation
 * sends is a {@link RecordOutcomeRequest}; the event published is a {@code SessionOutcome}.)
 */
public enum SessionResult {
    ATTENDED(EventType.SESSION_ATTENDED),
    MISSED(EventType.SESSION_MISSED),
    EXCUSED(EventType.SESSION_ABSENCE_EXCUSED),
    CANCELLED(EventType.SESSION_CANCELLED);

    private final EventType eventType;

    SessionResult(EventType eventType) {
        this.eventType = eventType;
    }

    /** The event published when an outcome of this kind is recorded. */
    public EventType eventType() {
        return eventType;
    }

    /**
     * A session that happened is classified by attendance (NO is a miss); one that did not happen by its reason
     * (an unacceptable absence is a miss). Contradictory or incomplete combinations are refused.
     */
    public static SessionResult classify(boolean sessionHappened, Attendance attended, NoSessionReason reason) {
        if (sessionHappened) {
            if (attended == null) {
                throw Problem.invalid("attended", "is required when the session happened (YES, LATE or NO)");
            }
            if (reason != null) {
                throw Problem.rule("outcome-consistent", "noSessionReason",
                        "is given only when the session did not happen");
            }
            return attended == Attendance.NO ? MISSED : ATTENDED;
        }
        if (reason == null) {
            throw Problem.invalid("noSessionReason",
                    "is required when the session did not happen (POP_ACCEPTABLE, POP_UNACCEPTABLE or LOGISTICS)");
        }
        if (attended != null && attended != Attendance.NO) {
            throw Problem.rule("outcome-consistent", "attended", "cannot be " + attended
                    + " for a session that did not happen");
        }
        return switch (reason) {
            case POP_UNACCEPTABLE -> MISSED;
            case POP_ACCEPTABLE -> EXCUSED;
            case LOGISTICS -> CANCELLED;
        };
    }
}
