package uk.orderwatch.support.security;

import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;

/**
 * Who may see a case (an order and everything recorded about it): police of the force that holds it, the probation
 * delivery unit assigned to it, the advocacy service assigned to it. ADMIN sees no case. The one rule, used by every
 * service that holds case data, so they cannot disagree.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** Whether the caller's agency is the one assigned to the order for the caller's role. */
    public static boolean canSee(Caller caller, AgencyAssignments agencies) {
        if (agencies == null) {
            return false;
        }
        Assignment assigned = switch (caller.role()) {
            case POLICE -> agencies.police();
            case PROBATION -> agencies.probation();
            case ADVOCATE -> agencies.advocacy();
            case ADMIN -> null;
        };
        return assigned != null && caller.agencyId().equals(assigned.agencyId());
    }

    /** The field of {@link AgencyAssignments} that names the caller's agency, for queries; null for ADMIN. */
    public static String assignmentField(Role role) {
        return switch (role) {
            case POLICE -> "police";
            case PROBATION -> "probation";
            case ADVOCATE -> "advocacy";
            case ADMIN -> null;
        };
    }
}
