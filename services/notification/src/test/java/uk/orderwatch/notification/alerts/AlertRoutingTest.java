package uk.orderwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.schemas.events.SubjectSummary;

class AlertRoutingTest {

    static final AgencyAssignments ALL = new AgencyAssignments(new Assignment("pol", "oic"),
            new Assignment("pdu", "pp"), new Assignment("adv", "cw"));
    static final SubjectSummary SUBJECT = new SubjectSummary("John Example", null, null);

    static CloudEvent<?> breach(AgencyAssignments agencies, Severity severity, boolean beforeService) {
        return CloudEvent.of(EventType.BREACH_REPORTED, UUID.randomUUID().toString(), "/orderwatch/breach-report",
                Instant.now(), "o-1", new BreachReported("b-1", "o-1", 1, "c1", ConditionCategory.NO_CONTACT,
                        Instant.now(), Instant.now(), new Actor("cw", "adv"), severity, beforeService, SUBJECT,
                        agencies));
    }

    @Test
    void aBreachAlertsTheOfficerInChargeThePractitionerAndTheCaseworkerAtItsSeverity() {
        var alerts = AlertRouting.route(breach(ALL, Severity.HIGH, false));

        assertThat(alerts).extracting(RoutedAlert::recipient).containsExactly(
                new Recipient("oic", "pol", RecipientRole.OFFICER_IN_CHARGE),
                new Recipient("pp", "pdu", RecipientRole.PROBATION_PRACTITIONER),
                new Recipient("cw", "adv", RecipientRole.ADVOCATE_CASEWORKER));
        assertThat(alerts).extracting(RoutedAlert::priority).containsOnly(Severity.HIGH);
        assertThat(alerts.get(0).title()).isEqualTo("Breach reported: NO_CONTACT condition, John Example");
    }

    @Test
    void aBreachBeforeServiceSaysSoInItsTitle() {
        assertThat(AlertRouting.route(breach(ALL, Severity.MEDIUM, true)).get(0).title())
                .startsWith("Breach reported (before service)");
    }

    @Test
    void anAgencyNotAssignedToTheOrderIsNotAlerted() {
        var policeOnly = new AgencyAssignments(new Assignment("pol", "oic"), null, null);

        assertThat(AlertRouting.route(breach(policeOnly, Severity.HIGH, false))).extracting(a -> a.recipient().role())
                .containsExactly(RecipientRole.OFFICER_IN_CHARGE);
    }

    static CloudEvent<?> session(EventType type, String attended, String reason) {
        return CloudEvent.of(type, UUID.randomUUID().toString(), "/orderwatch/breach-report", Instant.now(), "o-1",
                new SessionOutcome("s-1", "o-1", 1, "c2", "Stalking Perpetrator Programme", Instant.now(),
                        Instant.now(), new Actor("pp", "pdu"), SUBJECT, ALL, attended, reason, false));
    }

    @Test
    void anAttendedOrExcusedSessionAlertsNobody() {
        assertThat(AlertRouting.route(session(EventType.SESSION_ATTENDED, "YES", null))).isEmpty();
        assertThat(AlertRouting.route(session(EventType.SESSION_ABSENCE_EXCUSED, null, "POP_ACCEPTABLE"))).isEmpty();
    }

    @Test
    void aMissedSessionAlertsAllThreeAtMediumPriority() {
        var alerts = AlertRouting.route(session(EventType.SESSION_MISSED, "NO", null));

        assertThat(alerts).hasSize(3).extracting(RoutedAlert::priority).containsOnly(Severity.MEDIUM);
        assertThat(alerts.get(2).title()).isEqualTo(
                "Programme session missed: Stalking Perpetrator Programme, John Example");
    }
}
