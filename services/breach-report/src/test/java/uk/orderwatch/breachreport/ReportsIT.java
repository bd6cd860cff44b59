package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.testsupport.TestTokens;

/** Breaches, missed sessions and enforcement reviews per month: counts only, for supervisors and administrators. */
class ReportsIT extends ComplianceITBase {

    static final String PROBATION_SUPERVISOR = TestTokens.token("PROBATION", "demo-probation",
            "demo-senior-practitioner", true);

    JsonNode thisMonth(String token) {
        var rows = get("/reports/monthly?months=2", token).json().get("rows");
        assertThat(rows).hasSize(2);
        JsonNode last = rows.get(1);
        assertThat(last.get(0).asString()).isEqualTo(YearMonth.now(clock.withZone(Court.ZONE)).toString());
        return last;
    }

    @Test
    void aSupervisorCountsTheirUnitsBreachesAndMissesThisMonthAndAnotherUnitNone() throws Exception {
        var before = thisMonth(PROBATION_SUPERVISOR);
        String orderId = knownOrder();
        assertThat(post("/orders/" + orderId + "/breaches", breach()).statusCode()).isEqualTo(201);
        assertThat(post("/orders/" + orderId + "/attendance", attendance("NO")
                .put("sessionStart", clock.instant().minusSeconds(600).toString())).statusCode()).isEqualTo(201);

        var after = thisMonth(PROBATION_SUPERVISOR);
        assertThat(after.get(1).asLong()).isEqualTo(before.get(1).asLong() + 1);
        assertThat(after.get(2).asLong()).isEqualTo(before.get(2).asLong() + 1);
        var elsewhere = thisMonth(TestTokens.token("PROBATION", "north-probation", "boss", true));
        assertThat(elsewhere.get(1).asLong()).isZero();
        assertThat(thisMonth(TestTokens.admin()).get(1).asLong()).isGreaterThanOrEqualTo(after.get(1).asLong());
        assertProblem(get("/reports/monthly", TestTokens.probation()), 403, "forbidden", null);
        var csv = get("/reports/monthly?months=1&format=csv", PROBATION_SUPERVISOR);
        assertThat(csv.body()).startsWith("month,breaches reported,sessions missed,enforcement reviews\r\n")
                .doesNotContain("SENTINEL", "John Example");
    }
}
