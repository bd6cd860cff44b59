package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.OrderImported;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/** A force brings its existing orders in at once: validated whole, stored with one summary, safe to send again. */
class ImportIT extends OrderRegistryITBase {

    static ObjectNode row(ObjectNode order, Instant servedAt) {
        var row = JSON.createObjectNode();
        row.set("order", order);
        return servedAt == null ? row : row.put("servedAt", servedAt.toString());
    }

    Response importing(ObjectNode body, String key) {
        return call(HttpMethod.POST, "/orders/imports", POLICE, body, "Idempotency-Key", key);
    }

    @Test
    void twoOrdersComeInWithTheirServiceEachEventAndOneSummaryAndASecondSendingStoresNothingMore()
            throws Exception {
        var body = JSON.createObjectNode();
        var rows = body.putArray("orders");
        var madeLongAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(60);
        rows.add(row(validOrder("IMPORT-A-" + UUID.randomUUID()).put("madeOn", madeLongAgo.toString())
                .put("endsOn", madeLongAgo.plusYears(2).toString()), Instant.now().minus(Duration.ofDays(30))));
        rows.add(row(validOrder("IMPORT-B-" + UUID.randomUUID()), null));
        String key = UUID.randomUUID().toString();

        var done = importing(body, key);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        String importId = done.json().get("importId").asString();
        var ids = done.json().get("orderIds").valueStream().map(n -> n.asString()).toList();
        assertThat(ids).hasSize(2);
        assertThat(get("/orders/" + ids.get(0)).get("status").asString()).isEqualTo("SERVED");
        assertThat(get("/orders/" + ids.get(1)).get("status").asString()).isEqualTo("GRANTED");
        assertThat(get("/orders/" + ids.get(0) + "/history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("imported");
        var imported = (OrderImported) CODEC.read(eventsFor(ids.get(0), 1, Duration.ofSeconds(20)).get(0).value())
                .data();
        assertThat(imported.importId()).isEqualTo(importId);
        assertThat(imported.order().importedAt()).isNotNull();
        var summaries = TopicReader.readUntil(BOOTSTRAP, Topics.ORDERS, recs -> recs.stream()
                .anyMatch(r -> importId.equals(r.key())), Duration.ofSeconds(20)).stream()
                .filter(r -> importId.equals(r.key())).toList();
        var summary = (OrdersImported) CODEC.read(summaries.get(0).value()).data();
        assertThat(summary.orders()).isEqualTo(2);
        assertThat(summary.assignees()).extracting(a -> a.personId() + ":" + a.role() + ":" + a.orders())
                .containsExactlyInAnyOrder("demo-oic:" + RecipientRole.OFFICER_IN_CHARGE + ":2",
                        "demo-practitioner:" + RecipientRole.PROBATION_PRACTITIONER + ":2",
                        "demo-caseworker:" + RecipientRole.ADVOCATE_CASEWORKER + ":2");

        var again = importing(body, key);
        assertThat(again.statusCode()).isIn(200, 201);
        assertThat(again.json().get("importId").asString()).isEqualTo(importId);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(ids)), OrderDocument.class))
                .isEqualTo(2);
    }

    @Test
    void anImportWithAnyProblemNamesEveryProblemOfEveryOrderAndStoresNothing() throws Exception {
        String reference = "IMPORT-BAD-" + UUID.randomUUID();
        var body = JSON.createObjectNode();
        var rows = body.putArray("orders");
        rows.add(row(validOrder(reference), null));
        rows.add(row(validOrder(reference), null));
        rows.add(row(validOrder("IMPORT-ENDED-" + UUID.randomUUID()).put("endsOn", MADE_ON.plusDays(2).toString())
                .put("type", "RESTRAINING_ORDER"), null));
        rows.add(row(validOrder("IMPORT-FUTURE-" + UUID.randomUUID()), Instant.now().plusSeconds(3600)));

        var refused = importing(body, UUID.randomUUID().toString());

        assertProblem(refused, 422, "import-invalid", null);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "orders[1].order.courtCaseReference", "orders[2].order.endsOn", "orders[3].servedAt");
        assertThat(refused.json().get("errors").findValuesAsString("reason"))
                .anyMatch(r -> r.startsWith("served-in-future"));
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("courtCaseReference").is(reference)),
                OrderDocument.class)).isZero();
        assertProblem(call(HttpMethod.POST, "/orders/imports", TestTokens.probation(), body), 403, "forbidden",
                null);
    }
}
