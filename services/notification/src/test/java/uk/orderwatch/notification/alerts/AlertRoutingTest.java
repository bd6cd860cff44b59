package uk.orderwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.ProtectedPersonChanged;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.Severity;

/** Every row of the routing table, from each event type's published example. */
class AlertRoutingTest {

    static final EventCodec CODEC = new EventCodec();
    static final RecipientRole OIC = RecipientRole.OFFICER_IN_CHARGE;
    static final RecipientRole PP = RecipientRole.PROBATION_PRACTITIONER;
    static final RecipientRole CW = RecipientRole.ADVOCATE_CASEWORKER;

    static CloudEvent<?> example(EventType type) {
        try (var in = EventCodec.class.getResourceAsStream(type.exampleResource())) {
            return CODEC.read(new String(in.readAllBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(EventType.BREACH_REPORTED, List.of(OIC, PP, CW), Severity.HIGH),
                Arguments.of(EventType.BREACH_OUTCOME_RECORDED, List.of(PP, CW), Severity.MEDIUM),
                Arguments.of(EventType.SESSION_MISSED, List.of(OIC, PP, CW), Severity.MEDIUM),
                Arguments.of(EventType.SESSION_UNRECORDED, List.of(PP), Severity.MEDIUM),
                Arguments.of(EventType.SESSION_CONCERN_RAISED, List.of(PP, OIC), Severity.HIGH),
                Arguments.of(EventType.NOTIFICATION_REQUIREMENT_OVERDUE, List.of(OIC), Severity.MEDIUM),
                Arguments.of(EventType.ENFORCEMENT_REVIEW_REQUIRED, List.of(PP, OIC), Severity.MEDIUM),
                Arguments.of(EventType.ORDER_SERVED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_VARIED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_DISCHARGED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_EXPIRED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_INTERIM_ENDED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_REASSIGNED, List.of(PP), Severity.LOW),
                Arguments.of(EventType.ORDER_PROTECTED_PERSON_ADDED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_PROTECTED_PERSON_UPDATED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_REGISTERED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_IMPORTED, List.of(), null),
                Arguments.of(EventType.ORDERS_IMPORTED, List.of(OIC, PP, CW), Severity.LOW),
                Arguments.of(EventType.ORDER_RENEWED, List.of(CW), Severity.LOW),
                Arguments.of(EventType.ORDER_SUPERSEDED, List.of(), null),
                Arguments.of(EventType.SESSION_ATTENDED, List.of(), null),
                Arguments.of(EventType.SESSION_ABSENCE_EXCUSED, List.of(), null),
                Arguments.of(EventType.SESSION_CANCELLED, List.of(), null),
                Arguments.of(EventType.ALERT_RAISED, List.of(), null),
                Arguments.of(EventType.AGENCY_RECORDED, List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachEventTypeAlertsItsRowOfRecipientsAtItsPriority(EventType type, List<RecipientRole> roles,
                                                            Severity priority) {
        var alerts = AlertRouting.route(example(type));

        assertThat(alerts).extracting(a -> a.recipient().role()).containsExactlyElementsOf(roles);
        assertThat(alerts).allSatisfy(a -> assertThat(a.priority()).isEqualTo(priority));
        assertThat(alerts).extracting(a -> a.recipient().personId()).doesNotContainNull();
    }

    @Test
    void eachProtectedPersonsOwnAdvocateIsAlertedRatherThanTheCaseworker() {
        var b = (BreachReported) example(EventType.BREACH_REPORTED).data();
        var agencies = b.agencies().withAdvocates(List.of("advocate-of-jane", "advocate-of-sam"));
        var event = CloudEvent.of(EventType.BREACH_REPORTED, "e-3", "/orderwatch/breach-report",
                java.time.Instant.now(), b.orderId(), new BreachReported(b.breachId(), b.orderId(), b.orderVersion(),
                        b.conditionId(), b.conditionCategory(), b.occurredAt(), b.reportedAt(), b.reportedBy(),
                        b.severity(), b.beforeService(), b.subject(), agencies));

        var advocates = AlertRouting.route(event).stream().map(RoutedAlert::recipient)
                .filter(r -> r.role() == CW).toList();

        assertThat(advocates).containsExactly(
                new Recipient("advocate-of-jane", b.agencies().advocacy().agencyId(), CW),
                new Recipient("advocate-of-sam", b.agencies().advocacy().agencyId(), CW));
    }

    @Test
    void aReassignmentTellsWhoeverNowHasTheCaseAndNobodyElse() {
        var r = (OrderReassigned) example(EventType.ORDER_REASSIGNED).data();

        var alerts = AlertRouting.route(example(EventType.ORDER_REASSIGNED));

        assertThat(alerts).extracting(RoutedAlert::recipient).containsExactly(new Recipient(
                r.order().agencies().probation().personId(), "demo-probation", PP));
        assertThat(alerts.get(0).recipient().personId()).isNotEqualTo(r.previous().personId());
    }

    @Test
    void aNewCaseworkerIsToldEvenWhenTheProtectedPersonsHaveAdvocatesOfTheirOwn() {
        var r = (OrderReassigned) example(EventType.ORDER_REASSIGNED).data();
        var advocacy = new Assignment(r.order().agencies().advocacy().agencyId(), "new-caseworker");
        var o = r.order();
        var order = new uk.orderwatch.schemas.events.OrderSnapshot(o.orderId(), o.version(), o.orderType(),
                o.status(), o.court(), o.courtCaseReference(), o.madeOn(), o.servedAt(), o.endsOn(),
                o.untilFurtherOrder(), o.subject(), o.protectedPersonIds(), o.conditions(), o.agencies()
                .with(uk.orderwatch.schemas.events.AgencyKind.ADVOCACY, advocacy)
                .withAdvocates(List.of("own-advocate")),
                o.interimOrderId(), o.fullOrderId(), o.notificationExemption(), o.importedAt());
        var event = CloudEvent.of(EventType.ORDER_REASSIGNED, "e-4", "/orderwatch/order-registry",
                java.time.Instant.now(), o.orderId(), new OrderReassigned(order,
                        uk.orderwatch.schemas.events.AgencyKind.ADVOCACY, o.agencies().advocacy(), r.reassignedBy()));

        assertThat(AlertRouting.route(event)).extracting(RoutedAlert::recipient)
                .containsExactly(new Recipient("new-caseworker", advocacy.agencyId(), CW));
    }

    @Test
    void aProtectedPersonsDetailsChangedByTheirAdvocateAreToldToTheOfficerInCharge() {
        var p = (ProtectedPersonChanged) example(EventType.ORDER_PROTECTED_PERSON_UPDATED).data();
        var byAdvocate = CloudEvent.of(EventType.ORDER_PROTECTED_PERSON_UPDATED, "e-2", "/orderwatch/order-registry",
                java.time.Instant.now(), p.order().orderId(), new ProtectedPersonChanged(p.order(),
                        p.protectedPersonId(), new Actor("demo-caseworker", "demo-advocacy")));

        assertThat(AlertRouting.route(byAdvocate)).extracting(a -> a.recipient().role())
                .containsExactly(OIC);
    }

    @Test
    void aConcernWithoutRiskGoesToThePractitionerOnlyAtMediumPriority() {
        var c = (SessionConcernRaised) example(EventType.SESSION_CONCERN_RAISED).data();
        var noRisk = CloudEvent.of(EventType.SESSION_CONCERN_RAISED, "e-1", "/orderwatch/breach-report",
                java.time.Instant.now(), c.orderId(), new SessionConcernRaised(c.sessionId(), c.orderId(),
                        c.orderVersion(), c.conditionId(), c.sessionStart(), c.recordedAt(), c.recordedBy(), true,
                        false, c.subject(), c.agencies()));

        assertThat(AlertRouting.route(noRisk)).singleElement()
                .satisfies(a -> assertThat(a.recipient().role()).isEqualTo(PP))
                .satisfies(a -> assertThat(a.priority()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void aRecipientTheOrderHasNobodyForGoesToTheDutyDeskSoNothingIsDropped() {
        var b = (BreachReported) example(EventType.BREACH_REPORTED).data();
        var policeOnly = new AgencyAssignments(new Assignment("pol", "oic"), null, null);
        var event = CloudEvent.of(EventType.BREACH_REPORTED, "e-2", "/orderwatch/breach-report",
                java.time.Instant.now(), b.orderId(), new BreachReported(b.breachId(), b.orderId(), 1,
                        b.conditionId(), b.conditionCategory(), b.occurredAt(), b.reportedAt(), b.reportedBy(),
                        Severity.HIGH, false, b.subject(), policeOnly));

        var alerts = AlertRouting.route(event);

        assertThat(alerts).extracting(RoutedAlert::recipient)
                .containsExactly(new Recipient("oic", "pol", OIC));
    }
}
