package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.testsupport.TestTokens;

/** Orders by force, type and status: counts only, for a supervisor's own agency and for administrators. */
class ReportsIT extends OrderRegistryITBase {

    static final String POLICE_SUPERVISOR = TestTokens.token("POLICE", "demo-police", "demo-duty-inspector", true);

    long count(String token, String force, String type, String status) {
        for (JsonNode row : get("/reports/orders-by-status", token).json().get("rows")) {
            if (row.get(0).asString().equals(force) && row.get(1).asString().equals(type)
                    && row.get(2).asString().equals(status)) {
                return row.get(3).asLong();
            }
        }
        return 0;
    }

    @Test
    void aSupervisorCountsTheirForcesOrdersByStatusAndAnotherForceSeesNoneOfThem() throws Exception {
        long granted = count(POLICE_SUPERVISOR, "demo-police", "SPO", "GRANTED");
        long served = count(POLICE_SUPERVISOR, "demo-police", "SPO", "SERVED");
        registered(validOrder("REPORT-" + UUID.randomUUID()));
        String servedId = registered(validOrder("REPORT-" + UUID.randomUUID()));
        assertThat(post("/orders/" + servedId + "/service", JSON.createObjectNode().put("servedAt",
                java.time.Instant.now().minusSeconds(60).toString())).statusCode()).isEqualTo(200);

        assertThat(count(POLICE_SUPERVISOR, "demo-police", "SPO", "GRANTED")).isEqualTo(granted + 1);
        assertThat(count(POLICE_SUPERVISOR, "demo-police", "SPO", "SERVED")).isEqualTo(served + 1);
        assertThat(count(TestTokens.token("PROBATION", "demo-probation", "demo-senior-practitioner", true),
                "demo-police", "SPO", "SERVED")).as("the probation unit the orders are assigned to")
                .isGreaterThanOrEqualTo(served + 1);
        assertThat(get("/reports/orders-by-status", TestTokens.token("POLICE", "other-police", "boss", true)).json()
                .get("rows").valueStream().map(r -> r.get(0).asString())).doesNotContain("demo-police");
        assertThat(count(TestTokens.admin(), "demo-police", "SPO", "SERVED")).isEqualTo(served + 1);
        assertProblem(get("/reports/orders-by-status", TestTokens.police()), 403, "forbidden", null);
        var csv = get("/reports/orders-by-status?format=csv", POLICE_SUPERVISOR);
        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("force,type,status,orders\r\n").contains("demo-police,SPO,SERVED,")
                .doesNotContain("John Example", "Jane Protected");
        assertProblem(get("/reports/orders-by-status?format=xls", POLICE_SUPERVISOR), 400, null, "format");
    }
}
