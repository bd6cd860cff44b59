package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/** Registering an order: what is stored and published, and every rule that refuses one. */
class OrderRegistrationIT extends OrderRegistryITBase {

    @Test
    void aRegisteredOrderIsStoredAndPublishedAsASchemaValidEventWithoutTheVictimsDetails() throws Exception {
        ObjectNode order = validOrder("REG-" + UUID.randomUUID());
        order.remove("untilFurtherOrder"); // optional: absent means a fixed end

        var response = post("/orders", order);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String orderId = body.get("orderId").asString();
        assertThat(response.header("Location")).contains("/orders/" + orderId);
        assertThat(body.get("status").asString()).isEqualTo("GRANTED");
        assertThat(body.get("conditions").get(1).get("conditionId").asString()).isEqualTo("c2");

        var records = eventsFor(orderId, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        var record = records.get(0);
        assertThat(record.headers()).containsEntry("ce_type", "order.registered")
                .containsEntry("content-type", "application/cloudevents+json; charset=UTF-8");
        assertThat(CODEC.validate(record.value())).isEmpty();
        var event = CODEC.read(record.value());
        assertThat(record.headers()).containsEntry("ce_id", event.id());
        assertThat(event.subject()).isEqualTo(orderId);
        assertThat(event.source()).isEqualTo("/orderwatch/order-registry");
        var data = (OrderRegistered) event.data();
        assertThat(data.order().version()).isEqualTo(1);
        assertThat(data.order().protectedPersonIds()).hasSize(1)
                .containsExactly(body.get("protectedPersons").get(0).get("protectedPersonId").asString());
        assertThat(record.value()).doesNotContain("SENTINEL-ADDRESS", "07700900999", "jane@example.org",
                "Jane Protected", "12 Subject Street");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(orderId, OrderDocument.class).outbox()).isEmpty());
        assertThat(get("/orders/" + orderId + "/history").get(0).get("action").asString()).isEqualTo("registered");
    }

    @Test
    void aSecondRegistrationOfTheSameCourtCaseIsAConflictAndCreatesNothing() throws Exception {
        String ref = "DUP-" + UUID.randomUUID();
        assertThat(post("/orders", validOrder(ref)).statusCode()).isEqualTo(201);

        var second = post("/orders", validOrder(ref));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.header("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(second.body()).get("type").asString())
                .isEqualTo("urn:orderwatch:problem:court-case-registered-once");
        assertThat(ordersWithReference(ref)).isEqualTo(1);
    }

    @Test
    void aCourtCaseAnotherForceRegisteredTellsNothingOfIt() throws Exception {
        String ref = "OTHER-" + UUID.randomUUID();
        String theirs = registered(validOrder(ref));
        String otherForce = TestTokens.token("POLICE", "other-police", "other-oic");
        ObjectNode ours = validOrder(ref);
        ((ObjectNode) ours.get("agencies").get("police")).put("agencyId", "other-police").put("personId", "other-oic");

        var response = post("/orders", ours, otherForce);

        assertThat(response.statusCode()).as("registered as the other force's own order, not 409: " + response.body())
                .isEqualTo(201);
        String mine = JSON.readTree(response.body()).get("orderId").asString();
        assertThat(mine).isNotEqualTo(theirs);
        assertThat(get("/orders/" + mine, otherForce).statusCode()).isEqualTo(200);
        assertThat(get("/orders/" + theirs, otherForce).statusCode()).isEqualTo(404);
        assertThat(mongo.findById(theirs, OrderDocument.class).agencies().police().agencyId())
                .isEqualTo("demo-police");
        assertThat(post("/orders", ours, otherForce).statusCode()).as("once per force still holds")
                .isEqualTo(409);

        ObjectNode fullOrder = validOrder("FULL-" + UUID.randomUUID());
        ((ObjectNode) fullOrder.get("agencies").get("police")).put("agencyId", "other-police")
                .put("personId", "other-oic");
        fullOrder.put("interimOrderId", theirs);
        var naming = post("/orders", fullOrder, otherForce);
        var unknown = fullOrder.deepCopy().put("interimOrderId", UUID.randomUUID().toString());
        var namingNothing = post("/orders", unknown, otherForce);
        assertThat(naming.statusCode()).isEqualTo(namingNothing.statusCode());
        assertThat(JSON.readTree(naming.body()).get("errors").get(0).get("reason").asString())
                .as("another force's order is answered as one that does not exist")
                .isEqualTo("no order " + theirs);
        assertThat(JSON.readTree(namingNothing.body()).get("errors").get(0).get("reason").asString())
                .startsWith("no order ");
    }

    /** A collection of its own for the index test: the orders collection holds what other tests registered. */
    @org.springframework.data.mongodb.core.mapping.Document("indexReplacementTest")
    record IndexedThing(String id, String force, String reference) {
    }

    @Test
    void anIndexThatReplacesAnotherDropsItWhenTheServiceStarts() {
        var ops = mongo.indexOps(IndexedThing.class);
        ops.createIndex(new org.springframework.data.mongodb.core.index.Index().on("reference",
                org.springframework.data.domain.Sort.Direction.ASC).unique().named("one_per_reference"));
        var replacing = new uk.orderwatch.support.mongo.MongoIndex(IndexedThing.class,
                new org.springframework.data.mongodb.core.index.Index()
                        .on("force", org.springframework.data.domain.Sort.Direction.ASC)
                        .on("reference", org.springframework.data.domain.Sort.Direction.ASC).unique()
                        .named("one_per_reference_per_force"), "one_per_reference");

        new uk.orderwatch.support.mongo.MongoIndexes(List.of(replacing), mongo).ensure();

        assertThat(ops.getIndexInfo()).extracting(org.springframework.data.mongodb.core.index.IndexInfo::getName)
                .contains("one_per_reference_per_force").doesNotContain("one_per_reference");
        mongo.insert(new IndexedThing("a", "demo-police", "CASE-1"));
        mongo.insert(new IndexedThing("b", "other-police", "CASE-1"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), IndexedThing.class))
                .as("the same reference in two forces").isEqualTo(2);
    }

    long ordersWithReference(String ref) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("courtCaseReference").is(ref)),
                OrderDocument.class);
    }

    void assertRefused(int status, String field, Consumer<ObjectNode> breakIt) throws Exception {
        String ref = "BAD-" + UUID.randomUUID();
        ObjectNode order = validOrder(ref);
        breakIt.accept(order);

        var response = post("/orders", order);

        assertProblem(response, status, null, field);
        assertThat(ordersWithReference(ref)).isZero();
        // nothing was stored, so no outbox can publish it later: the topic as it is now is the whole answer
        assertThat(TopicReader.readToEnd(BOOTSTRAP, Topics.ORDERS, Duration.ofSeconds(30)))
                .noneMatch(r -> r.value().contains(ref));
    }

    @Test
    void aMissingFieldIsABadRequestNamingIt() throws Exception {
        assertRefused(400, "madeOn", o -> o.remove("madeOn"));
    }

    @Test
    void anUnknownFieldIsABadRequestNamingIt() throws Exception {
        assertRefused(400, "victimLocation", o -> o.put("victimLocation", "51.75,-1.25"));
    }

    @Test
    void anUnknownOrderTypeIsABadRequestNamingTheField() throws Exception {
        assertRefused(400, "type", o -> o.put("type", "ASBO"));
    }

    @Test
    void anOrderWithNoConditionIsRefused() throws Exception {
        assertRefused(400, "conditions", o -> o.putArray("conditions"));
    }

    @Test
    void aFullSpoShorterThanTwoYearsIsRefused() throws Exception {
        assertRefused(422, "endsOn", o -> o.put("endsOn", MADE_ON.plusYears(1).toString()));
    }

    @Test
    void aRequirementWithoutItsSupervisingAgencyIsRefused() throws Exception {
        assertRefused(422, "conditions[1].supervisingAgencyId",
                o -> ((ObjectNode) o.get("conditions").get(1)).remove("supervisingAgencyId"));
    }

    @Test
    void anOrderMadeInTheFutureIsRefused() throws Exception {
        assertRefused(422, "madeOn", o -> o.put("madeOn", java.time.LocalDate.now(clock).plusDays(2).toString()));
    }

    @Test
    void anOrderEndingBeforeItWasMadeIsRefused() throws Exception {
        assertRefused(422, "endsOn", o -> o.put("type", "RESTRAINING_ORDER").put("endsOn", MADE_ON.minusDays(1).toString()));
    }

    @Test
    void anOrderWithBothAnEndAndUntilFurtherOrderIsRefused() throws Exception {
        assertRefused(422, "endsOn", o -> o.put("untilFurtherOrder", true));
    }

    @Test
    void anInterimSpoUntilFurtherOrderIsRefused() throws Exception {
        assertRefused(422, "untilFurtherOrder", o -> o.put("type", "INTERIM_SPO").put("untilFurtherOrder", true)
                .remove("endsOn"));
    }

    @Test
    void anAgencyTheDirectoryDoesNotKnowIsRefused() throws Exception {
        assertRefused(422, "agencies.probation.agencyId",
                o -> ((ObjectNode) o.get("agencies").get("probation")).put("agencyId", "no-such-unit"));
    }

    @Test
    void aPersonWhoIsNotInTheAssignedAgencyIsRefused() throws Exception {
        assertRefused(422, "agencies.police.personId",
                o -> ((ObjectNode) o.get("agencies").get("police")).put("personId", "demo-caseworker"));
    }

    @Test
    void anAgencyOfTheWrongKindIsRefused() throws Exception {
        assertRefused(422, "agencies.advocacy.agencyId",
                o -> ((ObjectNode) o.get("agencies").get("advocacy")).put("agencyId", "demo-probation"));
    }

    @Test
    void aNoApproachConditionWithoutItsDistanceIsRefused() throws Exception {
        assertRefused(422, "conditions[2].distanceMetres", o -> ((tools.jackson.databind.node.ArrayNode)
                o.get("conditions")).addObject().put("category", "NO_APPROACH").put("description", "Stay away"));
    }

    @Test
    void anOversizedPayloadIsRefusedBeforeItIsRead() throws Exception {
        String ref = "BIG-" + UUID.randomUUID();
        ObjectNode order = validOrder(ref);
        order.put("padding", "x".repeat(70_000));

        var response = post("/orders", order);

        assertProblem(response, 413, "payload-too-large", null);
        assertThat(ordersWithReference(ref)).isZero();
    }

    @Test
    void anEventLeftInTheOutboxByACrashIsPublishedByTheRelay() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // what a process killed between its write and its send leaves behind
        var example = new String(readExample(), StandardCharsets.UTF_8)
                .replace("0b7e4c1a-3d2f-4e5a-8b9c-1d2e3f4a5b6c", orderId)
                .replace("5b1c2d9e-8f4a-4c1e-9a53-0d6f1e2a7b10", eventId);
        mongo.getCollection(OrderDocument.COLLECTION).insertOne(new org.bson.Document("_id", orderId)
                .append("outbox", List.of(mongo.getConverter().convertToMongoType(new OutboxEvent(eventId,
                        "order.registered", Topics.ORDERS, orderId, example, Instant.now().minusSeconds(30), null)))));

        var records = eventsFor(orderId, 1, Duration.ofSeconds(20));

        assertThat(records).extracting(r -> r.headers().get("ce_id")).containsExactly(eventId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.getCollection(OrderDocument.COLLECTION).find(new org.bson.Document("_id", orderId)).first()
                        .getList("outbox", Object.class)).isEmpty());
    }

    static byte[] readExample() {
        try (var in = EventCodec.class.getResourceAsStream("/examples/order.registered.v1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
