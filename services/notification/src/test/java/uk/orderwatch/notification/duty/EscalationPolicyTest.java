package uk.orderwatch.notification.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.orderwatch.notification.duty.EscalationPolicy.Notify;
import uk.orderwatch.notification.duty.EscalationPolicy.Step;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;

/** Walking a policy with a fixed clock: steps in order, rotas with nobody passed over, repeats, the end. */
class EscalationPolicyTest {

    static final Recipient OIC = new Recipient("oic", "pol", RecipientRole.OFFICER_IN_CHARGE);
    static final Duration TEN = Duration.ofMinutes(10);

    /** Office-hours sergeants (weekdays 08:00 to 18:00), a named inspector, the control room as the fallback. */
    static Function<Step, List<Recipient>> reachAt(String instant) {
        var sergeants = new Rota("Sergeants", List.of(new Rota.Layer("office", List.of("sgt-1", "sgt-2"),
                LocalDateTime.of(2026, 11, 23, 8, 0), Duration.ofHours(24), List.of(new Rota.Hours(
                RotaTest.WEEKDAYS, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0))))), List.of());
        Instant at = Instant.parse(instant);
        return step -> switch (step.who()) {
            case ASSIGNED -> List.of(OIC);
            case ON_DUTY -> sergeants.onDutyAt(at).map(o -> List.of(contact(o.personId()))).orElse(List.of());
            case PERSON -> List.of(contact(step.personId()));
            case GROUP -> step.personIds().stream().map(EscalationPolicyTest::contact).toList();
            case FALLBACK -> List.of(contact("control-room"));
        };
    }

    static Recipient contact(String personId) {
        return new Recipient(personId, "pol", RecipientRole.ESCALATION_CONTACT);
    }

    static final EscalationPolicy POLICY = new EscalationPolicy(List.of(Step.of(Notify.ASSIGNED, TEN),
            new Step(Notify.ON_DUTY, "sergeants", null, null, Duration.ofMinutes(5)),
            new Step(Notify.PERSON, null, "inspector", null, TEN), Step.of(Notify.FALLBACK, Duration.ofMinutes(15))),
            1);

    @Test
    void inOfficeHoursTheWalkGoesToTheSergeantOnDutyThenTheInspectorThenRoundAgainThenTheFallback() {
        var reach = reachAt("2026-11-24T10:00:00Z"); // Tuesday 10:00: sgt-2's day
        List<String> walked = new java.util.ArrayList<>();
        int level = 0;
        String last = "oic";
        for (var next = POLICY.after(level, reach, last); next.isPresent(); next = POLICY.after(level, reach, last)) {
            level = next.get().level();
            last = next.get().to().get(0).personId();
            walked.add(last + "@" + level + "/" + next.get().acknowledgeWithin().toMinutes());
        }

        assertThat(walked).containsExactly("sgt-2@1/5", "inspector@2/10", "control-room@3/15", "oic@4/10",
                "sgt-2@5/5", "inspector@6/10", "control-room@7/15");
    }

    @Test
    void atNightARotaWithNobodyOnDutyIsPassedOver() {
        var reach = reachAt("2026-11-24T02:00:00Z"); // Tuesday 02:00

        assertThat(POLICY.after(0, reach, "oic")).contains(new EscalationPolicy.Taken(2, List.of(contact("inspector")),
                TEN));
    }

    @Test
    void thePersonWhoJustDidNotAnswerIsNotAlertedAgainUnlessTheirsIsTheLastStep() {
        var policy = new EscalationPolicy(List.of(Step.of(Notify.ASSIGNED, TEN),
                new Step(Notify.PERSON, null, "oic", null, TEN), Step.of(Notify.FALLBACK, TEN)), 0);
        var reach = reachAt("2026-11-24T10:00:00Z");

        assertThat(policy.after(0, reach, "oic")).map(t -> t.to().get(0).personId()).contains("control-room");
        assertThat(policy.after(2, reach, "control-room")).isEmpty();
        var endsAtThem = new EscalationPolicy(List.of(Step.of(Notify.ASSIGNED, TEN), Step.of(Notify.FALLBACK, TEN)),
                0);
        assertThat(endsAtThem.after(0, s -> List.of(contact("oic")), "oic")).map(t -> t.to().get(0).personId())
                .contains("oic");
    }

    @Test
    void theStandardPolicyIsTheAssignedPersonThenTheFallback() {
        var standard = EscalationPolicy.standard(Duration.ofMinutes(15));

        assertThat(standard.walk()).extracting(Step::who).containsExactly(Notify.ASSIGNED, Notify.FALLBACK);
        assertThat(standard.after(0, reachAt("2026-11-29T03:00:00Z"), "oic"))
                .contains(new EscalationPolicy.Taken(1, List.of(contact("control-room")), Duration.ofMinutes(15)));
    }

    @Test
    void aGroupStepAlertsEveryoneInItButThePersonWhoJustDidNotAnswer() {
        var policy = new EscalationPolicy(List.of(Step.of(Notify.ASSIGNED, TEN),
                new Step(Notify.GROUP, null, null, List.of("sgt-a", "oic", "sgt-b"), TEN),
                Step.of(Notify.FALLBACK, TEN)), 0);

        assertThat(policy.after(0, reachAt("2026-11-24T10:00:00Z"), "oic")).contains(new EscalationPolicy.Taken(1,
                List.of(contact("sgt-a"), contact("sgt-b")), TEN));
    }
}
