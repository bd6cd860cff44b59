package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.breachreport.attendance.SessionDocument;

/**
 * Every write is safe to retry with an Idempotency-Key (ADR 11), the IETF draft's semantics: the same key and request
 * get the first answer again, another request with the key 422, and a retry whose first answer was lost (stored
 * change, answer never stored) is recognised as done rather than refused.
 */
class IdempotencyKeyIT extends ComplianceITBase {

    Response attend(String orderId, JsonNode body, String key) {
        String path = "/orders/" + orderId + "/attendance";
        return call(HttpMethod.POST, path, tokenFor("POST", path), body, "Idempotency-Key", key);
    }

    @Test
    void aRetriedAttendanceRecordGetsTheFirstAnswerAndAnotherRecordWithTheKeyIsRefused() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        var missed = attendance("NO");

        var first = attend(orderId, missed, key);
        var retry = attend(orderId, missed, key);
        var other = attend(orderId, missed.deepCopy().put("attended", "YES"), key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertProblem(other, 422, "idempotency-key-reused", null);
        var sessions = mongo.find(orderQuery(orderId), SessionDocument.class);
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.outcomes()).hasSize(1));
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).as("one session.missed").hasSize(1);
    }

    /**
     * The fault suite's "Mongo unreachable" failure: the outcome was stored, its answer lost with the database. The
     * retry must not be told 409 "already recorded" for the practitioner's own record.
     */
    @Test
    void aRetryWhoseFirstAnswerWasLostIsAnsweredAsDoneNotRefused() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        var missed = attendance("NO");
        assertThat(attend(orderId, missed, key).statusCode()).isEqualTo(201);
        unansweredIdempotencyKeys(false);

        var retry = attend(orderId, missed, key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(mongo.find(orderQuery(orderId), SessionDocument.class)).singleElement()
                .satisfies(s -> assertThat(s.outcomes()).hasSize(1));
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).as("one session.missed").hasSize(1);
    }

    @Test
    void aRetryWhileTheFirstIsStillBeingHandledIsToldToComeBack() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        var missed = attendance("NO");
        assertThat(attend(orderId, missed, key).statusCode()).isEqualTo(201);
        unansweredIdempotencyKeys(true);

        var retry = attend(orderId, missed, key);

        assertProblem(retry, 409, "idempotency-key-in-use", null);
        assertThat(retry.header("Retry-After")).contains("1");
    }

    @Test
    void aRefusedRequestFreesItsKeyForTheCorrectedOne() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        String path = "/orders/" + orderId + "/breaches";
        var wrong = breach().put("conditionId", "no-such-condition");

        var refused = call(HttpMethod.POST, path, tokenFor("POST", path), wrong, "Idempotency-Key", key);
        var corrected = call(HttpMethod.POST, path, tokenFor("POST", path), breach(), "Idempotency-Key", key);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
    }

    @Test
    void aMalformedKeyIsRefusedAndChangesNothing() throws Exception {
        String orderId = knownOrder();

        var refused = attend(orderId, attendance("NO"), "two words");

        assertProblem(refused, 400, "idempotency-key-invalid", null);
        assertThat(mongo.count(orderQuery(orderId), SessionDocument.class)).isZero();
    }

    @Test
    void keysAreTheCallersOwn() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        String path = "/orders/" + orderId + "/breaches";

        var advocate = call(HttpMethod.POST, path, uk.orderwatch.testsupport.TestTokens.advocate(), breach(),
                "Idempotency-Key", key);
        // an officer whose person id is the advocate's: unique within an agency only, so another caller
        var police = call(HttpMethod.POST, path, uk.orderwatch.testsupport.TestTokens.token("POLICE", "demo-police",
                "demo-caseworker"), breach(), "Idempotency-Key", key);

        assertThat(advocate.statusCode()).isEqualTo(201);
        assertThat(police.statusCode()).as("another caller's key is not this caller's").isEqualTo(201);
        assertThat(police.json().get("breachId").asString()).isNotEqualTo(advocate.json().get("breachId").asString());
    }

    @Test
    void theApiDocumentNamesTheKeyOnEveryWrite() {
        var doc = get("/v3/api-docs", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        var writes = new java.util.ArrayList<String>();
        doc.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getKey().equals("post") || op.getKey().equals("put")) {
                writes.add(op.getKey() + " " + path.getKey());
                assertThat(op.getValue().path("parameters").findValuesAsString("name")).as(op.getKey() + " "
                        + path.getKey()).contains("Idempotency-Key");
            }
        }));
        assertThat(writes).contains("post /orders/{orderId}/attendance", "post /orders/{orderId}/breaches");
    }
}
