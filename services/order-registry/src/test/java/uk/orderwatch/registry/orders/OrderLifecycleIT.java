package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.events.OrderExpired;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderSuperseded;
import uk.orderwatch.schemas.events.OrderVaried;

/** The life of an order after registration: each transition over HTTP, its event, and the transitions refused. */
class OrderLifecycleIT extends OrderRegistryITBase {

    @Autowired
    OrderExpiry service;

    static ObjectNode serve(Instant at) {
        var body = JSON.createObjectNode().put("servedAt", at.toString());
        return body;
    }

    @Test
    void anOrderIsServedVariedRenewedAndDischargedEachWithItsEventAndVersion() throws Exception {
        String orderId = registered(validOrder("LIFE-" + UUID.randomUUID()));

        assertThat(post("/orders/" + orderId + "/service", serve(Instant.now().minusSeconds(60))).statusCode())
                .isEqualTo(200);
        var vary = JSON.createObjectNode().put("reason", "Varied on the application of the police");
        var conditions = vary.putArray("conditions");
        conditions.addObject().put("conditionId", "c1").put("category", "NO_CONTACT")
                .put("description", "No contact by any means, including through his family");
        conditions.addObject().put("conditionId", "c2").put("category", "PROGRAMME")
                .put("description", "Attend a stalking perpetrator programme")
                .put("supervisingAgencyId", "demo-probation").putObject("programme")
                .put("name", "Stalking Perpetrator Programme").put("provider", "Demo Interventions").put("sessions", 12);
        conditions.addObject().put("category", "EXCLUSION_ZONE").put("description", "Not to enter the zone on the map")
                .putObject("zone").put("area", "SENTINEL-ZONE Victoria Road and the streets around it")
                .put("radiusMetres", 500);
        var varied = post("/orders/" + orderId + "/variations", vary);
        assertThat(varied.statusCode()).as(varied.body()).isEqualTo(200);
        var renew = JSON.createObjectNode().put("endsOn", MADE_ON.plusYears(4).toString());
        assertThat(post("/orders/" + orderId + "/renewals", renew).statusCode()).isEqualTo(200);
        var discharge = JSON.createObjectNode().put("dischargedOn", LocalDate.now().toString())
                .put("reason", "Discharged on the application of the defendant");
        assertThat(post("/orders/" + orderId + "/discharge", discharge).statusCode()).isEqualTo(200);

        assertThat(published(orderId, 5)).containsExactly("order.registered@1", "order.served@2",
                "order.varied@3", "order.renewed@4", "order.discharged@5");
        var events = eventsFor(orderId, 5, Duration.ofSeconds(5));
        var variedEvent = (OrderVaried) eventAt(orderId, 3);
        assertThat(variedEvent.changed()).containsExactly("conditions");
        assertThat(variedEvent.order().conditions()).extracting(c -> c.conditionId())
                .containsExactly("c1", "c2", "c3");
        assertThat(events).allSatisfy(r -> assertThat(r.value())
                .doesNotContain("SENTINEL-ZONE", "SENTINEL-ADDRESS", "07700900999"));

        var order = get("/orders/" + orderId);
        assertThat(order.get("status").asString()).isEqualTo("DISCHARGED");
        assertThat(order.get("conditions").get(2).get("zone").get("radiusMetres").asInt()).isEqualTo(500);
        assertThat(get("/orders/" + orderId + "/versions/2").get("terms").get("conditions")).hasSize(2);
        assertThat(get("/orders/" + orderId + "/versions/3").get("terms").get("conditions")).hasSize(3);
        assertThat(get("/orders/" + orderId + "/history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("registered", "served", "varied", "renewed", "discharged");
    }

    @Test
    void servingTwiceAndVaryingADischargedOrderAreConflictsThatChangeNothing() throws Exception {
        String orderId = registered(validOrder("ILLEGAL-" + UUID.randomUUID()));
        assertThat(post("/orders/" + orderId + "/service", serve(Instant.now().minusSeconds(60))).statusCode())
                .isEqualTo(200);

        assertProblem(post("/orders/" + orderId + "/service", serve(Instant.now())), 409, "serve-once", null);

        var discharge = JSON.createObjectNode().put("dischargedOn", LocalDate.now().toString()).put("reason", "r");
        assertThat(post("/orders/" + orderId + "/discharge", discharge).statusCode()).isEqualTo(200);
        var vary = JSON.createObjectNode().put("endsOn", MADE_ON.plusYears(5).toString()).put("reason", "late");
        assertProblem(post("/orders/" + orderId + "/variations", vary), 409, "vary-active-only", null);

        assertThat(get("/orders/" + orderId).get("version").asInt()).isEqualTo(3);
        assertThat(published(orderId, 3)).hasSize(3);
    }

    @Test
    void serviceBeforeTheOrderWasMadeOrInTheFutureIsRefused() throws Exception {
        String orderId = registered(validOrder("SERVE-" + UUID.randomUUID()));

        assertProblem(post("/orders/" + orderId + "/service", serve(MADE_ON.minusDays(5).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC))), 422,
                "served-before-made", "servedAt");
        assertProblem(post("/orders/" + orderId + "/service", serve(Instant.now().plusSeconds(3600))), 422,
                "served-in-future", "servedAt");
        assertThat(get("/orders/" + orderId).get("status").asString()).isEqualTo("GRANTED");
    }

    @Test
    void anOrderPastItsEndExpiresOnceEvenWhenTwoTimersRaceAndThenCannotBeRenewed() throws Exception {
        ObjectNode order = validOrder("EXPIRE-" + UUID.randomUUID()).put("type", "RESTRAINING_ORDER")
                .put("endsOn", LocalDate.now().plusDays(3).toString());
        String orderId = registered(order);
        assertThat(get("/orders/expiring?withinDays=5").get("items").findValuesAsString("orderId"))
                .contains(orderId);
        assertThat(service.expireDue()).as("not due yet").isZero();

        clock.advance(Duration.ofDays(5));
        var first = CompletableFuture.supplyAsync(service::expireDue);
        var second = CompletableFuture.supplyAsync(service::expireDue);
        first.join();
        second.join();

        assertThat(get("/orders/" + orderId).get("status").asString()).isEqualTo("EXPIRED");
        var types = published(orderId, 2);
        assertThat(types).containsExactly("order.registered@1", "order.expired@2");
        assertThat(types.stream().filter(t -> t.startsWith("order.expired"))).hasSize(1);
        var expired = (OrderExpired) eventAt(orderId, 2);
        assertThat(expired.endedOn()).isEqualTo(LocalDate.parse(order.get("endsOn").asString()));

        var renew = JSON.createObjectNode().put("endsOn", MADE_ON.plusYears(5).toString());
        assertProblem(post("/orders/" + orderId + "/renewals", renew), 409, "renew-active-only", null);
        clock.set(Instant.now());
    }

    @Test
    void aFullOrderSupersedesTheInterimOrderItNames() throws Exception {
        String interimId = registered(validOrder("INTERIM-" + UUID.randomUUID()).put("type", "INTERIM_SPO")
                .put("endsOn", LocalDate.now().plusDays(28).toString()));
        ObjectNode full = validOrder("FULL-" + UUID.randomUUID()).put("interimOrderId", interimId);

        String fullId = registered(full);

        var interim = get("/orders/" + interimId);
        assertThat(interim.get("status").asString()).isEqualTo(OrderStatus.SUPERSEDED.name());
        assertThat(interim.get("fullOrderId").asString()).isEqualTo(fullId);
        assertThat(get("/orders/" + fullId).get("interimOrderId").asString()).isEqualTo(interimId);
        assertThat(published(interimId, 2)).containsExactly("order.registered@1", "order.superseded@2");
        var superseded = (OrderSuperseded) eventAt(interimId, 2);
        assertThat(superseded.order().fullOrderId()).isEqualTo(fullId);
        assertThat(mongo.findById(fullId, OrderDocument.class).pendingSupersession()).isNull();
    }

    @Test
    void ordersAreFoundBySubjectIdentifierStatusAndForce() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode order = validOrder("FIND-" + marker);
        ((ObjectNode) order.get("subject")).put("name", "Findable Person" + marker).put("pncId", "PNC-" + marker)
                .putArray("aliases").add("Alias" + marker);
        String orderId = registered(order);

        assertThat(get("/orders?subject=findable%20person" + marker).get("items").findValuesAsString("orderId"))
                .containsExactly(orderId);
        assertThat(get("/orders?subject=alias" + marker).get("items").findValuesAsString("orderId"))
                .containsExactly(orderId);
        assertThat(get("/orders?identifier=PNC-" + marker).get("total").asInt()).isEqualTo(1);
        assertThat(get("/orders?identifier=PNC-" + marker + "&status=SERVED").get("total").asInt()).isZero();
        assertThat(get("/orders?identifier=PNC-" + marker + "&status=GRANTED&force=demo-police").get("total")
                .asInt()).isEqualTo(1);
        assertThat(get("/orders?subject=findable%20person" + marker).get("items").get(0).has("protectedPersons"))
                .as("lists leave the protected persons out").isFalse();
        assertProblem(get("/orders?status=ASLEEP", POLICE), 400, "invalid-request", "status");
    }
}
