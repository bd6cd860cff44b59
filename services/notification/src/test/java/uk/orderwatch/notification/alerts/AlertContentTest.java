package uk.orderwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;

/** What each role is told: never a field outside its allowlist. */
class AlertContentTest {

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"BREACH_REPORTED", "SESSION_MISSED", "SESSION_UNRECORDED",
        "SESSION_CONCERN_RAISED", "NOTIFICATION_REQUIREMENT_OVERDUE", "ENFORCEMENT_REVIEW_REQUIRED", "ORDER_SERVED",
        "ORDER_DISCHARGED"})
    void everyRoleGetsOnlyTheFieldsOfItsAllowlist(EventType type) {
        var event = AlertRoutingTest.example(type);
        for (RecipientRole role : RecipientRole.values()) {
            var message = AlertContent.render(event, role, Severity.HIGH, null, "police are on it");

            assertThat(message.fields().keySet()).as("%s for %s", type, role)
                    .isSubsetOf(AlertContent.ALLOWED.get(role)).contains("what", "priority");
            assertThat(message.body()).doesNotContain("null");
            message.fields().forEach((k, v) -> assertThat(message.body()).contains(k + ": " + v));
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"BREACH_REPORTED", "SESSION_MISSED"})
    void theAdvocateIsToldWhatHappenedWhenThePoliceReferenceAndWhatThePoliceAreDoing(EventType type) {
        var message = AlertContent.render(AlertRoutingTest.example(type), RecipientRole.ADVOCATE_CASEWORKER,
                Severity.HIGH, null, "The officer in charge has been alerted.");

        assertThat(message.fields()).containsKeys("what", "when", "policeReference", "policeAction");
        assertThat(message.fields()).doesNotContainKeys("reportedBy", "programme", "beforeService");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"BREACH_REPORTED", "SESSION_MISSED", "SESSION_CONCERN_RAISED"})
    void probationIsNeverToldWhatOnlyThePoliceActOn(EventType type) {
        var message = AlertContent.render(AlertRoutingTest.example(type), RecipientRole.PROBATION_PRACTITIONER,
                Severity.HIGH, null, "ignored for probation");

        assertThat(message.fields()).doesNotContainKeys("policeAction", "beforeService");
        assertThat(Set.copyOf(AlertContent.FIELDS)).containsAll(message.fields().keySet());
    }
}
