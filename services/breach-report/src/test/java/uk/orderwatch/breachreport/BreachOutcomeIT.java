package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.events.BreachOutcomeRecorded;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.testsupport.TestTokens;

/** A breach's life after its report, as the police record it, one step and one event at a time. */
class BreachOutcomeIT extends ComplianceITBase {

    static ObjectNode step(String step, Instant at) {
        return JSON.createObjectNode().put("step", step).put("at", at.toString());
    }

    String reportedBreach(String orderId) throws Exception {
        var reported = post("/orders/" + orderId + "/breaches", breach());
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        return reported.json().get("breachId").asString();
    }

    @Test
    void aBreachIsTakenToAChargeAndAConvictionEachStepAnEventThatEveryoneOnTheCaseReads() throws Exception {
        String orderId = knownOrder();
        String breachId = reportedBreach(orderId);
        String path = "/orders/" + orderId + "/breaches/" + breachId + "/outcomes";
        Instant now = clock.instant();

        assertThat(post(path, step("ARRESTED", now.minusSeconds(1800))).statusCode()).isEqualTo(201);
        var charged = post(path, step("CHARGED", now.minusSeconds(600)).put("reasonableExcuseRaised", true));
        assertThat(charged.statusCode()).as(charged.body()).isEqualTo(201);
        assertThat(post(path, step("CONVICTED", now.minusSeconds(60))).statusCode()).isEqualTo(201);

        var events = complianceEvents(orderId, 4, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> r.headers().get("ce_type")).containsExactly("breach.reported",
                "breach.outcome-recorded", "breach.outcome-recorded", "breach.outcome-recorded");
        assertThat(events).allSatisfy(r -> {
            assertThat(CODEC.validate(r.value())).isEmpty();
            assertThat(r.value()).doesNotContain("SENTINEL");
        });
        var chargedEvent = (BreachOutcomeRecorded) CODEC.read(events.get(2).value()).data();
        assertThat(chargedEvent.step()).isEqualTo(BreachOutcomeStep.CHARGED);
        assertThat(chargedEvent.reasonableExcuseRaised()).isTrue();
        assertThat(chargedEvent.breachId()).isEqualTo(breachId);
        for (String token : java.util.List.of(TestTokens.advocate(), TestTokens.probation())) {
            var seen = get("/orders/" + orderId + "/breaches/" + breachId, token);
            assertThat(seen.json().get("outcomes").findValuesAsString("step"))
                    .containsExactly("ARRESTED", "CHARGED", "CONVICTED");
        }
        assertProblem(post(path, step("ACQUITTED", now)), 409, "breach-closed", null);
    }

    @Test
    void aStepThatCannotBeRightIsRefusedAndRecordsNothing() throws Exception {
        String orderId = knownOrder();
        String breachId = reportedBreach(orderId);
        String path = "/orders/" + orderId + "/breaches/" + breachId + "/outcomes";
        Instant now = clock.instant();

        assertProblem(post(path, step("CONVICTED", now)), 422, "verdict-after-charge", "step");
        assertProblem(post(path, step("NO_FURTHER_ACTION", now)), 422, "no-further-action-reason",
                "noFurtherActionReason");
        assertProblem(post(path, step("ARRESTED", now).put("noFurtherActionReason", "NOT_A_BREACH")), 422,
                "no-further-action-reason", "noFurtherActionReason");
        assertProblem(post(path, step("ARRESTED", now.minus(Duration.ofDays(2)))), 422, "step-before-breach", "at");
        assertProblem(post(path, step("ARRESTED", now.plusSeconds(600))), 422, "step-in-future", "at");
        assertProblem(post(path, step("ARRESTED", now), TestTokens.advocate()), 403, "forbidden", null);
        assertProblem(post(path, step("ARRESTED", now), TestTokens.probation()), 403, "forbidden", null);
        assertProblem(post("/orders/" + orderId + "/breaches/nope/outcomes", step("ARRESTED", now)), 404,
                "not-found", null);
        assertThat(post(path, step("ARRESTED", now.minusSeconds(60))).statusCode()).isEqualTo(201);
        assertProblem(post(path, step("CHARGED", now.minusSeconds(120))), 422, "step-before-previous", "at");

        var nfa = post(path, step("NO_FURTHER_ACTION", now).put("noFurtherActionReason", "EVIDENTIAL_DIFFICULTIES"));
        assertThat(nfa.statusCode()).as(nfa.body()).isEqualTo(201);
        assertThat(complianceEvents(orderId, 3, Duration.ofSeconds(20))).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("breach.reported", "breach.outcome-recorded", "breach.outcome-recorded");
        assertThat(complianceEvents(orderId, 4, Duration.ofSeconds(2))).hasSize(3);
    }
}
