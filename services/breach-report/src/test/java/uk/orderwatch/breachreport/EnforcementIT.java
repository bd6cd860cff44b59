package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.testsupport.TestTokens;

/**
 * Enforcement the way probation does it (HMPPS): unacceptable absences and behaviour at a programme within a rolling
 * window (here the default, 365 days, and a threshold of 2), a review with a response-by date, a practitioner's
 * decision and warnings; breaches of the order's prohibitions are the police's and do not count.
 */
class EnforcementIT extends ComplianceITBase {

    ObjectNode missAt(Instant start) {
        return attendance("NO").put("sessionStart", start.toString());
    }

    @Test
    void breachesDoNotCountButTwoFailuresInTheWindowRaiseAReviewAndTwoMoreASecond() throws Exception {
        String orderId = knownOrder();
        Instant now = clock.instant();
        for (int i = 0; i < 2; i++) {
            assertThat(post("/orders/" + orderId + "/breaches", breach()).statusCode()).isEqualTo(201);
        }
        assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minus(Duration.ofDays(400))))
                .statusCode()).as("outside the window").isEqualTo(201);
        assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minus(Duration.ofDays(20))))
                .statusCode()).isEqualTo(201);
        ObjectNode concern = attendance("YES").put("sessionStart", now.minus(Duration.ofDays(10)).toString());
        concern.putObject("concern").put("description", "Abusive to the facilitator").put("tellPractitioner", true)
                .put("risk", false);
        assertThat(post("/orders/" + orderId + "/attendance", concern).statusCode()).isEqualTo(201);

        var records = complianceEvents(orderId, 7, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> r.headers().get("ce_type")).containsExactly("breach.reported",
                "breach.reported", "session.missed", "session.missed", "session.attended", "session.concern-raised",
                "enforcement.review-required");
        var review = (EnforcementReviewRequired) CODEC.read(records.get(6).value()).data();
        assertThat(review.count()).isEqualTo(2);
        assertThat(review.windowDays()).isEqualTo(365);
        assertThat(review.responseBy()).isBetween(now.plus(Duration.ofDays(7)).minusSeconds(60),
                now.plus(Duration.ofDays(7)).plusSeconds(60));

        for (int day : List.of(5, 3)) {
            assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minus(Duration.ofDays(day))))
                    .statusCode()).isEqualTo(201);
        }
        var all = complianceEvents(orderId, 10, Duration.ofSeconds(20));
        var second = (EnforcementReviewRequired) CODEC.read(all.get(all.size() - 1).value()).data();
        assertThat(second.reviewId()).isNotEqualTo(review.reviewId());
        assertThat(second.occurrences()).hasSize(2).doesNotContainAnyElementsOf(review.occurrences());
        assertThat(complianceEvents(orderId, 11, Duration.ofSeconds(2))).as("one each").hasSize(10);
    }

    @Test
    void thePractitionerDecidesOnceAndRecordsWarningsForFailuresOnly() throws Exception {
        String orderId = knownOrder();
        Instant now = clock.instant();
        String missed = post("/orders/" + orderId + "/attendance", missAt(now.minus(Duration.ofDays(2)))).json()
                .get("sessionId").asString();
        String attended = post("/orders/" + orderId + "/attendance", attendance("YES")
                .put("sessionStart", now.minus(Duration.ofDays(4)).toString())).json().get("sessionId").asString();
        post("/orders/" + orderId + "/attendance", missAt(now.minus(Duration.ofDays(1))));
        String enforcement = "/orders/" + orderId + "/enforcement";
        String probation = TestTokens.probation();
        var warned = post(enforcement + "/warnings", JSON.createObjectNode().put("sessionId", missed)
                .put("issuedOn", LocalDate.now().toString()), probation);
        assertThat(warned.statusCode()).as(warned.body()).isEqualTo(201);
        assertProblem(post(enforcement + "/warnings", JSON.createObjectNode().put("sessionId", attended)
                .put("issuedOn", LocalDate.now().toString()), probation), 422, "warning-for-a-failure", "sessionId");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get(enforcement, probation).json().get("reviews").size() == 1);
        String reviewId = get(enforcement, probation).json().get("reviews").get(0).get("reviewId").asString();
        var decision = JSON.createObjectNode().put("decision", "FINAL_WARNING")
                .put("decidedOn", LocalDate.now().toString());

        assertProblem(post(enforcement + "/reviews/" + reviewId + "/decision", decision, TestTokens.police()), 403,
                "forbidden", null);
        var decided = post(enforcement + "/reviews/" + reviewId + "/decision", decision, probation);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertProblem(post(enforcement + "/reviews/" + reviewId + "/decision", decision, probation), 409,
                "decided-once", null);

        var view = get(enforcement, probation).json();
        assertThat(view.get("reviews").get(0).get("decision").get("outcome").asString()).isEqualTo("FINAL_WARNING");
        assertThat(view.get("warnings").findValuesAsString("sessionId")).containsExactly(missed);
        assertThat(view.get("rules").get(0).get("threshold").asInt()).isEqualTo(2);
        assertThat(get("/orders/" + orderId + "/compliance").get("openDeadlines").findValuesAsString("kind"))
                .doesNotContain("enforcement-decision");
    }

    @Test
    void theWindowCountsAFailureAMinuteInsideItAndNotOneAMinuteOutside() throws Exception {
        String orderId = knownOrder();
        Instant now = clock.instant();
        Duration window = Duration.ofDays(365);
        assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minus(window).minusSeconds(60)))
                .statusCode()).isEqualTo(201);
        assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minusSeconds(3600))).statusCode())
                .isEqualTo(201);
        assertThat(complianceEvents(orderId, 3, Duration.ofSeconds(3))).as("one failure in the window")
                .extracting(r -> r.headers().get("ce_type")).containsExactly("session.missed", "session.missed");

        assertThat(post("/orders/" + orderId + "/attendance", missAt(now.minus(window).plusSeconds(60)))
                .statusCode()).isEqualTo(201);

        assertThat(complianceEvents(orderId, 4, Duration.ofSeconds(20))).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("session.missed", "session.missed", "session.missed", "enforcement.review-required");
    }
}
