package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Registering and changing orders is safe to retry with an Idempotency-Key (ADR 11), including when the first
 * attempt's answer was lost after its change was stored.
 */
class IdempotencyKeyIT extends OrderRegistryITBase {

    Response post(String path, JsonNode body, String key) {
        return call(HttpMethod.POST, path, POLICE, body, "Idempotency-Key", key);
    }

    @Test
    void aRetriedRegistrationGetsTheFirstAnswerAgainAndRegistersOnce() throws Exception {
        String ref = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        var first = post("/orders", validOrder(ref), key);
        var retry = post("/orders", validOrder(ref), key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("courtCaseReference").is(ref)),
                OrderDocument.class)).isEqualTo(1);
    }

    @Test
    void aRegistrationWhoseAnswerWasLostIsFoundNotRefusedAsADuplicateCourtCase() throws Exception {
        String ref = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var first = post("/orders", validOrder(ref), key);
        unansweredIdempotencyKeys(false);

        var retry = post("/orders", validOrder(ref), key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("orderId").asString()).isEqualTo(first.json().get("orderId").asString());
    }

    @Test
    void aServiceWhoseAnswerWasLostIsAnsweredAsDoneAndRecordedOnce() throws Exception {
        String orderId = registered(validOrder("IDEM-" + UUID.randomUUID()));
        var serve = JSON.createObjectNode().put("servedAt", Instant.now().minusSeconds(60).toString());
        String key = UUID.randomUUID().toString();
        assertThat(post("/orders/" + orderId + "/service", serve, key).statusCode()).isEqualTo(200);
        unansweredIdempotencyKeys(false);

        var retry = post("/orders/" + orderId + "/service", serve, key);
        var otherWithKey = post("/orders/" + orderId + "/discharge", JSON.createObjectNode()
                .put("reason", "Discharged"), key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("version").asLong()).isEqualTo(2);
        assertThat(otherWithKey.statusCode()).as("the key belongs to the service").isEqualTo(422);
        assertThat(get("/orders/" + orderId + "/history").size()).isEqualTo(2);
    }
}
