package uk.orderwatch.notification.alerts;

import java.util.ArrayList;
import java.util.List;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.Severity;

/**
 * Who is alerted of what: a pure function of the event (which carries the order's agency assignments). The one
 * table of routing rules. Titles name the subject and the order, never a protected person.
 */
public final class AlertRouting {

    private AlertRouting() {
    }

    public static List<RoutedAlert> route(CloudEvent<?> event) {
        if (event.data() instanceof BreachReported b) {
            return everyone(b.agencies(), b.severity(), "Breach reported"
                    + (b.beforeService() ? " (before service)" : "") + ": " + b.conditionCategory()
                    + " condition, " + b.subject().displayName());
        }
        if (event.type().equals(EventType.SESSION_MISSED.type()) && event.data() instanceof SessionOutcome s) {
            return everyone(s.agencies(), Severity.MEDIUM, "Programme session missed: " + s.programmeName() + ", "
                    + s.subject().displayName());
        }
        return List.of();
    }

    /** The officer in charge, the probation practitioner and the advocate's caseworker, where assigned. */
    private static List<RoutedAlert> everyone(AgencyAssignments a, Severity priority, String title) {
        List<RoutedAlert> alerts = new ArrayList<>();
        add(alerts, a.police(), RecipientRole.OFFICER_IN_CHARGE, priority, title);
        add(alerts, a.probation(), RecipientRole.PROBATION_PRACTITIONER, priority, title);
        add(alerts, a.advocacy(), RecipientRole.ADVOCATE_CASEWORKER, priority, title);
        return alerts;
    }

    private static void add(List<RoutedAlert> alerts, Assignment assignment, RecipientRole role, Severity priority,
                            String title) {
        if (assignment != null) {
            alerts.add(new RoutedAlert(new Recipient(assignment.personId(), assignment.agencyId(), role), priority,
                    title));
        }
    }
}
