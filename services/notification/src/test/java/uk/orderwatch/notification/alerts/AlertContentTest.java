package uk.orderwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;

/**
 * What each role is told, field by field, for each event's published example. The expected fields are written out
 * here, not read from {@link AlertContent}'s allowlists: widening an allowlist must fail this test.
 */
class AlertContentTest {

    static final RecipientRole OIC = RecipientRole.OFFICER_IN_CHARGE;
    static final RecipientRole PP = RecipientRole.PROBATION_PRACTITIONER;
    static final RecipientRole CW = RecipientRole.ADVOCATE_CASEWORKER;
    static final RecipientRole ESCALATION = RecipientRole.ESCALATION_CONTACT;

    static Stream<Arguments> fieldsPerRole() {
        return Stream.of(
                Arguments.of(EventType.BREACH_REPORTED, OIC, List.of("what", "when", "subject", "policeReference",
                        "condition", "reportedBy", "policeAction", "breachId", "priority")),
                Arguments.of(EventType.BREACH_REPORTED, PP, List.of("what", "when", "subject", "policeReference",
                        "condition", "reportedBy", "breachId", "priority")),
                Arguments.of(EventType.BREACH_REPORTED, CW, List.of("what", "when", "subject", "policeReference",
                        "condition", "policeAction", "breachId", "priority")),
                Arguments.of(EventType.BREACH_REPORTED, ESCALATION, List.of("what", "when", "subject",
                        "policeReference", "condition", "reportedBy", "policeAction", "breachId", "priority")),
                Arguments.of(EventType.SESSION_MISSED, OIC, List.of("what", "when", "subject", "policeReference",
                        "programme", "reportedBy", "policeAction", "sessionId", "priority")),
                Arguments.of(EventType.SESSION_MISSED, PP, List.of("what", "when", "subject", "policeReference",
                        "programme", "reportedBy", "sessionId", "priority")),
                Arguments.of(EventType.SESSION_MISSED, CW, List.of("what", "when", "subject", "policeReference",
                        "policeAction", "sessionId", "priority")),
                Arguments.of(EventType.SESSION_UNRECORDED, PP, List.of("what", "when", "subject",
                        "policeReference", "programme", "dueBy", "priority")),
                Arguments.of(EventType.SESSION_CONCERN_RAISED, PP, List.of("what", "when", "subject",
                        "policeReference", "risk", "priority")),
                Arguments.of(EventType.SESSION_CONCERN_RAISED, OIC, List.of("what", "when", "subject",
                        "policeReference", "risk", "policeAction", "priority")),
                Arguments.of(EventType.NOTIFICATION_REQUIREMENT_OVERDUE, OIC, List.of("what", "when", "subject",
                        "policeReference", "dueBy", "policeAction", "priority")),
                Arguments.of(EventType.ENFORCEMENT_REVIEW_REQUIRED, PP, List.of("what", "subject",
                        "policeReference", "dueBy", "count", "priority")),
                Arguments.of(EventType.ORDER_SERVED, CW, List.of("what", "when", "subject", "policeReference",
                        "orderStatus", "policeAction", "priority")),
                Arguments.of(EventType.ORDER_DISCHARGED, CW, List.of("what", "when", "subject", "policeReference",
                        "orderStatus", "policeAction", "priority")),
                Arguments.of(EventType.ORDER_REASSIGNED, PP, List.of("what", "when", "subject", "policeReference",
                        "priority")),
                Arguments.of(EventType.ORDER_PROTECTED_PERSON_UPDATED, CW, List.of("what", "when", "subject",
                        "policeReference", "policeAction", "priority")));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("fieldsPerRole")
    void eachRoleIsToldExactlyTheseFieldsInThisOrder(EventType type, RecipientRole role, List<String> expected) {
        var message = AlertContent.render(AlertRoutingTest.example(type), role, Severity.HIGH, null,
                "The officer in charge has been alerted.");

        assertThat(List.copyOf(message.fields().keySet())).containsExactlyElementsOf(expected);
        assertThat(message.body()).doesNotContain("null");
        message.fields().forEach((k, v) -> assertThat(message.body()).contains(k + ": " + v));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"BREACH_REPORTED", "SESSION_MISSED", "SESSION_CONCERN_RAISED"})
    void probationIsNeverToldWhatOnlyThePoliceActOn(EventType type) {
        var message = AlertContent.render(AlertRoutingTest.example(type), PP, Severity.HIGH, null,
                "The officer in charge has been alerted.");

        assertThat(message.fields()).doesNotContainKeys("policeAction", "beforeService");
    }

    @Test
    void anInterimOrderThatEndedWithoutAFullOrderSaysSoInWords() {
        var message = AlertContent.render(AlertRoutingTest.example(EventType.ORDER_INTERIM_ENDED), CW, Severity.LOW,
                null, null);

        assertThat(message.title()).isEqualTo("Interim order ended: full order refused, John Example");
        assertThat(message.fields()).containsEntry("orderStatus", "ended: the court refused the full order");
        assertThat(message.body()).doesNotContain("FULL_ORDER_REFUSED", "interim-ended");
    }

    static Stream<EventType> orderEventsTheAdvocateHears() {
        return Stream.of(EventType.ORDER_REGISTERED, EventType.ORDER_SERVED, EventType.ORDER_VARIED,
                EventType.ORDER_RENEWED, EventType.ORDER_DISCHARGED, EventType.ORDER_EXPIRED,
                EventType.ORDER_INTERIM_ENDED);
    }

    @ParameterizedTest
    @MethodSource("orderEventsTheAdvocateHears")
    void theAdvocateHearsOfTheOrderInPlainWordsAndAnSmsNamesNobody(EventType type) {
        var message = AlertContent.render(AlertRoutingTest.example(type), CW, Severity.LOW, null, null);

        assertThat(message.title() + message.body()).as("no code of the system")
                .doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b").doesNotContain("order." + "registered", "SPO ");
        assertThat(message.fields().get("what")).matches("[A-Z].*\\.");
        assertThat(message.title()).endsWith(", John Example");
        assertThat(message.headline()).doesNotContain("John", "Example").isNotBlank();
    }

    @Test
    void aNewOrderSaysWhatTheCourtGrantedAndForHowLong() {
        var message = AlertContent.render(AlertRoutingTest.example(EventType.ORDER_REGISTERED), CW, Severity.LOW,
                null, null);

        assertThat(message.headline()).isEqualTo("New order: stalking protection order granted");
        assertThat(message.fields().get("what")).isEqualTo("The court granted a stalking protection order on "
                + "20 Nov 2026. It lasts until 20 Nov 2028, and binds the subject once it is served on them.");
        assertThat(message.fields()).containsEntry("orderStatus", "granted, not yet served on the subject");
    }

    @Test
    void aBreachTakenToAChargeIsToldToEachInTheirOwnWords() {
        var event = AlertRoutingTest.example(EventType.BREACH_OUTCOME_RECORDED);

        var advocate = AlertContent.render(event, CW, Severity.MEDIUM, null, null);
        var practitioner = AlertContent.render(event, PP, Severity.MEDIUM, null, null);

        assertThat(advocate.headline()).isEqualTo("Police update on a reported breach: charged");
        assertThat(advocate.fields().get("what")).isEqualTo("The police charged the subject with the reported "
                + "breach of \"No contact with the protected person\" on 27 Nov 2026. The case goes to court.");
        assertThat(practitioner.fields().get("what")).startsWith("The police charged the person on probation with");
        assertThat(List.copyOf(practitioner.fields().keySet())).containsExactly("what", "when", "subject",
                "policeReference", "condition", "breachId", "priority");
    }

    @Test
    void noFurtherActionSaysWhyAndARelease() {
        var o = (uk.orderwatch.schemas.events.BreachOutcomeRecorded) AlertRoutingTest.example(
                EventType.BREACH_OUTCOME_RECORDED).data();
        var nfa = new uk.orderwatch.schemas.events.BreachOutcomeRecorded(o.breachId(), o.orderId(), o.orderVersion(),
                o.conditionCategory(), o.breachOccurredAt(),
                uk.orderwatch.schemas.events.BreachOutcomeStep.NO_FURTHER_ACTION, o.stepAt(), true,
                uk.orderwatch.schemas.events.NoFurtherActionReason.EVIDENTIAL_DIFFICULTIES, o.recordedBy(),
                o.subject(), o.agencies());
        var released = new uk.orderwatch.schemas.events.BreachOutcomeRecorded(o.breachId(), o.orderId(),
                o.orderVersion(), o.conditionCategory(), o.breachOccurredAt(),
                uk.orderwatch.schemas.events.BreachOutcomeStep.RELEASED_UNDER_INVESTIGATION, o.stepAt(), false, null,
                o.recordedBy(), o.subject(), o.agencies());

        assertThat(AlertContent.breachStep(nfa, CW)).endsWith(": there is not enough evidence to charge. The "
                + "subject said they had a reasonable excuse.");
        assertThat(AlertContent.breachStep(released, CW)).contains("they are not in custody", "safety plan");
        assertThat(AlertContent.breachStep(released, PP)).doesNotContain("safety plan");
    }

    @Test
    void anImportTellsEachPersonHowManyOfTheOrdersAreTheirs() {
        var event = AlertRoutingTest.example(EventType.ORDERS_IMPORTED);

        var practitioner = AlertContent.render(event, new uk.orderwatch.schemas.events.Recipient("demo-practitioner",
                "demo-probation", PP), Severity.LOW, null, null);
        var caseworker = AlertContent.render(event, new uk.orderwatch.schemas.events.Recipient("demo-caseworker",
                "demo-advocacy", CW), Severity.LOW, null, null);

        assertThat(practitioner.title()).isEqualTo("Orders brought into orderwatch: 1 for you");
        assertThat(practitioner.fields().get("what")).contains("brought 2 existing orders",
                "You are the probation practitioner on 1 of them");
        assertThat(caseworker.title()).isEqualTo("Orders brought into orderwatch: 2 for you");
    }

    @Test
    void aReassignmentIsNotToldAsAVariation() {
        var message = AlertContent.render(AlertRoutingTest.example(EventType.ORDER_REASSIGNED), PP, Severity.LOW,
                null, null);

        assertThat(message.title()).isEqualTo("Case reassigned: you are now the probation practitioner, John Example");
        assertThat(message.fields().get("what")).contains("No court was involved").doesNotContain("varied");
    }

    @Test
    void theBreachAlertSaysInWordsWhatHappenedAndWhen() {
        var message = AlertContent.render(AlertRoutingTest.example(EventType.BREACH_REPORTED), CW, Severity.HIGH,
                null, "The officer in charge has been alerted.");

        assertThat(message.title()).isEqualTo("Breach reported: No contact with the protected person, John Example");
        assertThat(message.fields()).containsEntry("policeReference",
                "order 0b7e4c1a-3d2f-4e5a-8b9c-1d2e3f4a5b6c").containsEntry("priority", "HIGH");
        assertThat(message.fields().get("when")).endsWith(" UK time");
    }
}
