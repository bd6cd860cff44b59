package uk.orderwatch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.compliance.attendance.SessionDocument;
import uk.orderwatch.compliance.breaches.BreachDocument;
import uk.orderwatch.compliance.orders.OrderReadModel;
import uk.orderwatch.infra.SharedTestInfra;
import uk.orderwatch.infra.TopicReader;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.SessionMissed;
import uk.orderwatch.schemas.events.Severity;

/** breach-report over real HTTP, fed by order events on the in-process broker, storing in the Mongo wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceIT {

    static final String BOOTSTRAP = SharedTestInfra.kafka(Topics.allTopics()).bootstrapServers();
    static final EventCodec CODEC = new EventCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OrderReadModel readModel;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedTestInfra.mongo().uri("compliance-" + UUID.randomUUID()));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> BOOTSTRAP);
        registry.add("management.health.mongodb.enabled", () -> "false");
    }

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    /** An order as order-registry would publish it, at {@code version}, with a fresh id. */
    static OrderSnapshot order(String orderId, long version) throws Exception {
        var example = (OrderRegistered) CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.ORDER_REGISTERED.exampleResource()).readAllBytes())).data();
        var o = example.order();
        return new OrderSnapshot(orderId, version, o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                LocalDate.now().minusDays(30), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                o.protectedPersonIds(), o.conditions(), o.agencies(), null, null);
    }

    static void publishOrder(OrderSnapshot order) throws Exception {
        var event = CloudEvent.of(EventType.ORDER_REGISTERED, UUID.randomUUID().toString(),
                "/orderwatch/order-registry", Instant.now(), order.orderId(),
                new OrderRegistered(order, new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));
        PRODUCER.send(new ProducerRecord<>(Topics.ORDERS, order.orderId(), CODEC.write(event))).get();
    }

    String knownOrder() throws Exception {
        String orderId = UUID.randomUUID().toString();
        publishOrder(order(orderId, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId).isPresent());
        return orderId;
    }

    HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode breach() {
        ObjectNode b = JSON.createObjectNode();
        b.put("conditionId", "c1");
        b.put("occurredAt", Instant.now().minusSeconds(3600).toString());
        b.put("description", "He sent her SENTINEL-DESCRIPTION messages from a new account");
        b.put("location", "SENTINEL-PLACE outside her workplace");
        b.putObject("reportedBy").put("personId", "demo-caseworker").put("agencyId", "demo-advocacy");
        return b;
    }

    static ObjectNode attendance(String attended) {
        ObjectNode a = JSON.createObjectNode();
        a.put("conditionId", "c2");
        a.put("sessionStart", Instant.now().minusSeconds(7200).toString());
        a.put("attended", attended);
        a.putObject("recordedBy").put("personId", "demo-practitioner").put("agencyId", "demo-probation");
        return a;
    }

    List<TopicReader.Rec> complianceEvents(String orderId, int atLeast, Duration wait) {
        return TopicReader.readUntil(BOOTSTRAP, Topics.COMPLIANCE,
                recs -> recs.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast, wait)
                .stream().filter(r -> orderId.equals(r.key())).toList();
    }

    @Test
    void aBreachOfAKnownOrderIsStoredAndPublishedWithoutItsDescriptionOrPlace() throws Exception {
        String orderId = knownOrder();

        var response = post("/orders/" + orderId + "/breaches", breach());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var records = complianceEvents(orderId, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(CODEC.validate(records.get(0).value())).isEmpty();
        assertThat(records.get(0).headers()).containsEntry("ce_type", "breach.reported");
        var data = (BreachReported) CODEC.read(records.get(0).value()).data();
        assertThat(data.severity()).isEqualTo(Severity.HIGH);
        assertThat(data.beforeService()).as("the example order is not served").isTrue();
        assertThat(data.agencies().advocacy().personId()).isEqualTo("demo-caseworker");
        assertThat(records.get(0).value()).doesNotContain("SENTINEL-DESCRIPTION", "SENTINEL-PLACE");
    }

    @Test
    void aMissedSessionIsPublishedAndAnExcusedOneIsStoredWithoutAnEvent() throws Exception {
        String orderId = knownOrder();
        ObjectNode excused = attendance("NO");
        excused.put("didSessionHappen", false).put("noSessionReason", "POP_ACCEPTABLE")
                .put("sessionStart", Instant.now().minusSeconds(86_400).toString());

        assertThat(post("/orders/" + orderId + "/attendance", excused).statusCode()).isEqualTo(201);
        assertThat(post("/orders/" + orderId + "/attendance", attendance("NO")).statusCode()).isEqualTo(201);

        var records = complianceEvents(orderId, 1, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> r.headers().get("ce_type")).containsExactly("session.missed");
        assertThat(((SessionMissed) CODEC.read(records.get(0).value()).data()).programmeName())
                .isEqualTo("Stalking Perpetrator Programme");
        assertThat(mongo.count(orderQuery(orderId), SessionDocument.class)).isEqualTo(2);
    }

    @Test
    void aSecondOutcomeForTheSameSessionIsAConflict() throws Exception {
        String orderId = knownOrder();
        ObjectNode first = attendance("NO");
        assertThat(post("/orders/" + orderId + "/attendance", first).statusCode()).isEqualTo(201);

        var second = post("/orders/" + orderId + "/attendance", first.put("attended", "YES"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    static org.springframework.data.mongodb.core.query.Query orderQuery(String orderId) {
        return org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("orderId").is(orderId));
    }

    void assertRefused(String orderId, String path, ObjectNode body, int status, String field) throws Exception {
        var response = post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        if (field != null) {
            assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                    .as(response.body()).contains(field);
        }
        assertThat(mongo.count(orderQuery(orderId), BreachDocument.class)).isZero();
        assertThat(mongo.count(orderQuery(orderId), SessionDocument.class)).isZero();
        assertThat(complianceEvents(orderId, 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aReportForAnUnknownOrderIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertRefused(unknown, "/orders/" + unknown + "/breaches", breach(), 404, null);
        assertRefused(unknown, "/orders/" + unknown + "/attendance", attendance("NO"), 404, null);
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String orderId = knownOrder();
        String breaches = "/orders/" + orderId + "/breaches";
        String attendance = "/orders/" + orderId + "/attendance";
        assertRefused(orderId, breaches, breach().put("conditionId", "c9"), 422, "conditionId");
        assertRefused(orderId, breaches, breach().put("occurredAt", Instant.now().plusSeconds(3600).toString()),
                422, "occurredAt");
        assertRefused(orderId, breaches, breach().put("occurredAt", "2001-01-01T00:00:00Z"), 422, "occurredAt");
        assertRefused(orderId, breaches, with(breach(), b -> b.remove("description")), 400, "description");
        assertRefused(orderId, breaches, breach().put("occurredAt", "yesterday"), 400, "occurredAt");
        assertRefused(orderId, attendance, attendance("NO").put("conditionId", "c1"), 422, "conditionId");
        assertRefused(orderId, attendance, attendance("MAYBE"), 400, "attended");
        assertRefused(orderId, attendance, with(attendance("NO"), a -> a.remove("attended")), 400, "attended");
    }

    static ObjectNode with(ObjectNode node, Consumer<ObjectNode> change) {
        change.accept(node);
        return node;
    }

    @Test
    void duplicatedAndReorderedOrderEventsLeaveTheNewestVersion() throws Exception {
        String orderId = UUID.randomUUID().toString();
        publishOrder(order(orderId, 2));
        publishOrder(order(orderId, 1));
        publishOrder(order(orderId, 2));
        publishOrder(order(orderId, 3));
        publishOrder(order(orderId, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId)
                .map(o -> o.version() == 3).orElse(false));
        // the stale version 1 published after version 3 must not win once it is consumed
        String marker = UUID.randomUUID().toString();
        publishOrder(order(marker, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(marker).isPresent());
        assertThat(readModel.find(orderId).orElseThrow().version()).isEqualTo(3);
        assertThat(readModel.find(orderId).orElseThrow().order().version()).isEqualTo(3);
    }

    @Test
    void aRecordThatIsNotAValidEventGoesToTheDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        PRODUCER.send(new ProducerRecord<>(Topics.ORDERS, key, "{not an event")).get();

        var dead = TopicReader.readUntil(BOOTSTRAP, Topics.deadLetter(Topics.ORDERS, Topics.GROUP_BREACH_REPORT),
                recs -> recs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));

        assertThat(dead).anyMatch(r -> key.equals(r.key()));
        var record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(record.headers()).containsKey("x-exception-message");
    }
}
