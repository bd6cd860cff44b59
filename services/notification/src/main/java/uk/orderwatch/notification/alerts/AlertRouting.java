package uk.orderwatch.notification.alerts;

import java.util.ArrayList;
import java.util.List;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachOutcomeRecorded;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.ComplianceEvent;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.schemas.events.ProtectedPersonChanged;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.Severity;

/**
 * Who is alerted of what, and how urgently: a pure function of the event, which carries the order's agency
 * assignments. The one table of routing rules:
 *
 * <pre>
 * breach.reported                  officer in charge, practitioner, caseworker   the breach's severity
 * breach.outcome-recorded          practitioner, caseworker      MEDIUM; LOW for attended or interviewed
 * session.missed                   officer in charge, practitioner, caseworker   MEDIUM
 * session.unrecorded               practitioner                                  MEDIUM
 * session.concern-raised           practitioner (+ officer in charge if risk)    HIGH if risk, else MEDIUM
 * notification-requirement.overdue officer in charge                             MEDIUM
 * enforcement.review-required      practitioner, officer in charge               MEDIUM
 * order.registered/served/varied/renewed/discharged/expired/interim-ended  caseworker  LOW
 * order.reassigned                 whoever now has the case for that agency      LOW
 * orders.imported                  each person assigned to any imported order, once   LOW
 * order.protected-person-added     caseworker                                    LOW
 * order.protected-person-updated   caseworker, or officer in charge when an advocate changed them  LOW
 * </pre>
 * The advocate is each protected person's own advocate, or the caseworker when none is named. A role whose agency the
 * order names without a person is routed with no person: whoever is on duty for that agency takes it when it is
 * raised. A role of a kind of agency the order does not involve is alerted to nobody (the order shows that).
 * Other events (attended, excused, cancelled, superseded, imported one by one) alert nobody: a full order's
 * registration tells the caseworker it replaced the interim order.
 */
public final class AlertRouting {

    static final RecipientRole OIC = RecipientRole.OFFICER_IN_CHARGE;
    static final RecipientRole PP = RecipientRole.PROBATION_PRACTITIONER;
    static final RecipientRole CW = RecipientRole.ADVOCATE_CASEWORKER;

    private AlertRouting() {
    }

    public static List<RoutedAlert> route(CloudEvent<?> event) {
        EventType type = EventType.fromType(event.type()).orElseThrow();
        Object data = event.data();
        return switch (type) {
            case BREACH_REPORTED -> to(agencies(data), ((BreachReported) data).severity(), OIC, PP, CW);
            case BREACH_OUTCOME_RECORDED -> {
                var step = ((BreachOutcomeRecorded) data).step();
                yield to(agencies(data), step == BreachOutcomeStep.ATTENDED
                        || step == BreachOutcomeStep.VOLUNTARY_INTERVIEW ? Severity.LOW : Severity.MEDIUM,
                        PP, CW);
            }
            case SESSION_MISSED -> to(agencies(data), Severity.MEDIUM, OIC, PP, CW);
            case SESSION_UNRECORDED -> to(agencies(data), Severity.MEDIUM, PP);
            case SESSION_CONCERN_RAISED -> ((SessionConcernRaised) data).risk()
                    ? to(agencies(data), Severity.HIGH, PP, OIC)
                    : to(agencies(data), Severity.MEDIUM, PP);
            case NOTIFICATION_REQUIREMENT_OVERDUE -> to(agencies(data), Severity.MEDIUM, OIC);
            case ENFORCEMENT_REVIEW_REQUIRED -> to(agencies(data), Severity.MEDIUM, PP, OIC);
            case ORDER_REGISTERED, ORDER_SERVED, ORDER_VARIED, ORDER_RENEWED, ORDER_DISCHARGED, ORDER_EXPIRED,
                 ORDER_INTERIM_ENDED ->
                    to(((OrderEvent) data).order().agencies(), Severity.LOW, CW);
            case ORDER_REASSIGNED -> {
                // the person who now has the case, whoever else advocates for the protected persons
                var r = (OrderReassigned) data;
                var now = r.order().agencies().of(r.agencyKind());
                yield List.of(new RoutedAlert(new Recipient(now.personId(), now.agencyId(), role(r.agencyKind())),
                        Severity.LOW));
            }
            case ORDERS_IMPORTED -> ((OrdersImported) data).assignees().stream()
                    .map(a -> new RoutedAlert(new Recipient(a.personId(), a.agencyId(), a.role()), Severity.LOW))
                    .toList();
            case ORDER_PROTECTED_PERSON_ADDED -> to(((OrderEvent) data).order().agencies(), Severity.LOW, CW);
            case ORDER_PROTECTED_PERSON_UPDATED -> {
                var p = (ProtectedPersonChanged) data;
                boolean byPolice = p.changedBy().agencyId().equals(p.order().agencies().police().agencyId());
                yield to(p.order().agencies(), Severity.LOW, byPolice ? CW : OIC);
            }
            default -> List.of();
        };
    }

    /** Who works a case for one kind of agency. */
    static RecipientRole role(AgencyKind kind) {
        return switch (kind) {
            case POLICE -> OIC;
            case PROBATION -> PP;
            case ADVOCACY -> CW;
        };
    }

    private static AgencyAssignments agencies(Object data) {
        return ((ComplianceEvent) data).agencies();
    }

    private static List<RoutedAlert> to(AgencyAssignments agencies, Severity priority, RecipientRole... roles) {
        List<RoutedAlert> alerts = new ArrayList<>();
        for (RecipientRole role : roles) {
            List<Assignment> assigned = switch (role) {
                case OFFICER_IN_CHARGE -> agencies.police() == null ? List.of() : List.of(agencies.police());
                case PROBATION_PRACTITIONER -> agencies.probation() == null ? List.of()
                        : List.of(agencies.probation());
                case ADVOCATE_CASEWORKER -> agencies.advocatesToAlert();
                default -> List.of();
            };
            assigned.forEach(a -> alerts.add(new RoutedAlert(new Recipient(a.personId(), a.agencyId(), role),
                    priority)));
        }
        return alerts.stream().distinct().toList();
    }
}
