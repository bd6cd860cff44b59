package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.infra.SharedTestInfra;
import uk.orderwatch.infra.TestTokens;
import uk.orderwatch.infra.TopicReader;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.schemas.events.BreachReported;

/** notification fed by compliance events on the in-process broker, alerts read back over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationIT {

    static final String BOOTSTRAP = SharedTestInfra.kafka(Topics.allTopics()).bootstrapServers();
    static final EventCodec CODEC = new EventCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.serviceProperties(Topics.allTopics(), "notification").forEach(registry::add);
    }

    /** The example breach.reported event, about a fresh order. */
    static String breachEvent(String orderId) throws Exception {
        var example = CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.BREACH_REPORTED.exampleResource()).readAllBytes()));
        var b = (BreachReported) example.data();
        var data = new BreachReported(UUID.randomUUID().toString(), orderId, 1, b.conditionId(),
                b.conditionCategory(), b.occurredAt(), b.reportedAt(), b.reportedBy(), b.severity(),
                b.beforeService(), b.subject(), b.agencies());
        return CODEC.write(CloudEvent.of(EventType.BREACH_REPORTED, UUID.randomUUID().toString(),
                "/orderwatch/breach-report", Instant.now(), orderId, data));
    }

    static final String ADMIN = "Bearer " + TestTokens.admin();

    JsonNode get(String path, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    long alertsFor(String orderId) {
        return mongo.count(Query.query(Criteria.where("orderId").is(orderId)), AlertDocument.class);
    }

    @Test
    void aBreachRaisesOneAlertForEachOfTheThreeRecipientsEvenWhenDeliveredTwice() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String event = breachEvent(orderId);

        SharedTestInfra.send(Topics.COMPLIANCE, orderId, event);
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(orderId) == 3);
        // each recipient sees their own alert in their inbox, and only that one
        List<String> roles = new java.util.ArrayList<>();
        for (String token : List.of(TestTokens.police(), TestTokens.probation(), TestTokens.advocate())) {
            JsonNode page = get("/alerts?orderId=" + orderId, token);
            assertThat(page.get("total").asInt()).isEqualTo(1);
            roles.addAll(page.get("items").findValuesAsString("role"));
        }
        assertThat(roles).containsExactlyInAnyOrder("OFFICER_IN_CHARGE", "PROBATION_PRACTITIONER",
                "ADVOCATE_CASEWORKER");
        assertThat(get("/alerts?orderId=" + orderId, TestTokens.police()).get("items").get(0)
                .get("priority").asString()).isEqualTo("HIGH");

        var raised = TopicReader.readUntil(BOOTSTRAP, Topics.ALERTS,
                recs -> recs.stream().filter(r -> orderId.equals(r.key())).count() >= 3, Duration.ofSeconds(20))
                .stream().filter(r -> orderId.equals(r.key())).toList();
        assertThat(raised).hasSize(3).allSatisfy(r -> assertThat(CODEC.validate(r.value())).isEmpty());
        assertThat(raised).extracting(r -> ((AlertRaised) CODEC.read(r.value()).data()).recipient().personId())
                .containsExactlyInAnyOrder("demo-oic", "demo-practitioner", "demo-caseworker");
        // the redelivered event raised nothing more
        assertThat(TopicReader.readAll(BOOTSTRAP, Topics.ALERTS, Duration.ofSeconds(2)))
                .filteredOn(r -> orderId.equals(r.key())).hasSize(3);
        assertThat(alertsFor(orderId)).isEqualTo(3);
    }

    @Autowired
    uk.orderwatch.notification.orders.OrderReadModel orders;

    @Test
    void theOrderReadModelKeepsTheNewestVersionWhateverOrderEventsArriveIn() throws Exception {
        var example = (uk.orderwatch.schemas.events.OrderServed) CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.ORDER_SERVED.exampleResource()).readAllBytes())).data();
        String orderId = UUID.randomUUID().toString();
        for (long version : new long[] {3, 1, 3, 2}) {
            var o = example.order();
            var snapshot = new uk.orderwatch.schemas.events.OrderSnapshot(orderId, version, o.orderType(),
                    version == 3 ? uk.orderwatch.schemas.events.OrderStatus.DISCHARGED : o.status(), o.court(),
                    o.courtCaseReference(), o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                    o.protectedPersonIds(), o.conditions(), o.agencies(), null, null);
            var event = CloudEvent.of(EventType.ORDER_SERVED, UUID.randomUUID().toString(),
                    "/orderwatch/order-registry", Instant.now(), orderId,
                    new uk.orderwatch.schemas.events.OrderServed(snapshot, example.servedAt(), example.servedBy()));
            SharedTestInfra.send(Topics.ORDERS, orderId, CODEC.write(event));
        }
        String marker = UUID.randomUUID().toString();
        SharedTestInfra.send(Topics.ORDERS, orderId, CODEC.write(CloudEvent.of(EventType.ORDER_SERVED,
                UUID.randomUUID().toString(), "/orderwatch/order-registry", Instant.now(), orderId,
                new uk.orderwatch.schemas.events.OrderServed(withId(example.order(), marker), example.servedAt(),
                        example.servedBy()))));

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.find(marker).isPresent());
        var known = orders.find(orderId).orElseThrow();
        assertThat(known.version()).isEqualTo(3);
        assertThat(known.order().status()).isEqualTo(uk.orderwatch.schemas.events.OrderStatus.DISCHARGED);
    }

    static uk.orderwatch.schemas.events.OrderSnapshot withId(uk.orderwatch.schemas.events.OrderSnapshot o, String id) {
        return new uk.orderwatch.schemas.events.OrderSnapshot(id, o.version(), o.orderType(), o.status(), o.court(),
                o.courtCaseReference(), o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                o.protectedPersonIds(), o.conditions(), o.agencies(), null, null);
    }

    @Test
    void recordingAnAgencyPublishesItOnceAndAnUnchangedOneNotAgain() throws Exception {
        String agencyId = "pdu-" + UUID.randomUUID().toString().substring(0, 8);
        String agency = """
                {"kind":"PROBATION","name":"Test PDU","people":[
                  {"personId":"pp-1","name":"P Practitioner","email":"pp@probation.example"}]}
                """;
        for (int i = 0; i < 2; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/directory/agencies/"
                    + agencyId)).header("Content-Type", "application/json").header("Authorization", ADMIN)
                    .PUT(HttpRequest.BodyPublishers.ofString(agency)).build(), HttpResponse.BodyHandlers.ofString());
        }
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/directory/agencies/" + agencyId))
                .header("Content-Type", "application/json").header("Authorization", ADMIN)
                .PUT(HttpRequest.BodyPublishers.ofString(agency.replace("Test PDU", "Renamed PDU"))).build(),
                HttpResponse.BodyHandlers.ofString());

        var records = TopicReader.readUntil(BOOTSTRAP, Topics.ALERTS,
                recs -> recs.stream().filter(r -> agencyId.equals(r.key())).count() >= 2, Duration.ofSeconds(20))
                .stream().filter(r -> agencyId.equals(r.key())).toList();
        assertThat(TopicReader.readAll(BOOTSTRAP, Topics.ALERTS, Duration.ofSeconds(2)))
                .filteredOn(r -> agencyId.equals(r.key())).hasSize(2);
        var versions = records.stream().map(r -> (uk.orderwatch.schemas.events.AgencyRecorded) CODEC.read(r.value())
                .data()).toList();
        assertThat(versions).extracting(uk.orderwatch.schemas.events.AgencyRecorded::version).containsExactly(1L, 2L);
        assertThat(versions.get(1).name()).isEqualTo("Renamed PDU");
        assertThat(records.get(0).value()).as("staff contact details stay in notification")
                .doesNotContain("pp@probation.example");
    }

    @Test
    void anUnknownAlertIsNotFoundAsAProblem() throws Exception {
        var response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/alerts/" + UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.police()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void theDirectoryRecordsAnAgencyAndRefusesAnInvalidOne() throws Exception {
        String agency = """
                {"kind":"POLICE","name":"Demo Police","people":[
                  {"personId":"oic-1","name":"DC Demo","jobTitle":"Officer in charge","email":"oic@police.example"}]}
                """;
        var put = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/directory/agencies/test-police")).header("Content-Type", "application/json")
                .header("Authorization", ADMIN).PUT(HttpRequest.BodyPublishers.ofString(agency)).build(), HttpResponse.BodyHandlers.ofString());
        var bad = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/directory/agencies/test-police")).header("Content-Type", "application/json")
                .header("Authorization", ADMIN).PUT(HttpRequest.BodyPublishers.ofString(agency.replace("oic@police.example", "not-an-email")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsString("field"))
                .containsExactly("people[0].email");
        assertThat(get("/directory/agencies/test-police", TestTokens.police()).get("people").get(0).get("email").asString())
                .isEqualTo("oic@police.example");
    }
}
