package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/**
 * order-registry over real HTTP against the in-process Kafka broker and the Mongo wire server (ServiceIT), with the
 * demo agencies recorded in its directory (as notification would publish them) and a clock the test moves.
 */
abstract class OrderRegistryITBase extends ServiceIT {

    @Autowired
    AgencyDirectory directory;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("orderwatch.outbox.relay-interval", () -> "200ms");
        registry.add("orderwatch.outbox.relay-grace", () -> "1s");
        registry.add("orderwatch.timers.interval", () -> "1h");
    }

    @BeforeEach
    void directoryKnowsTheDemoAgencies() throws Exception {
        if (AGENCIES.stream().allMatch(a -> directory.find(a.agencyId()).isPresent())) {
            return;
        }
        for (var agency : AGENCIES) {
            var event = CloudEvent.of(EventType.AGENCY_RECORDED, UUID.randomUUID().toString(),
                    "/orderwatch/notification", Instant.now(), agency.agencyId(), agency);
            SharedTestInfra.send(Topics.DIRECTORY, agency.agencyId(), CODEC.write(event));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> AGENCIES.stream().allMatch(a -> directory.find(a.agencyId()).isPresent()));
    }

    /** The demo agencies, a second probation delivery unit and another force, as the directory records them. */
    static final List<AgencyRecorded> AGENCIES = List.of(
            agency("other-police", AgencyKind.POLICE, "other-oic"),
            agency("demo-police", AgencyKind.POLICE, "demo-oic", "demo-oic-2"),
            agency("demo-probation", AgencyKind.PROBATION, "demo-practitioner", "demo-senior-practitioner"),
            agency("north-probation", AgencyKind.PROBATION, "north-practitioner"),
            agency("demo-advocacy", AgencyKind.ADVOCACY, "demo-caseworker", "demo-caseworker-2"));

    static AgencyRecorded agency(String id, AgencyKind kind, String... people) {
        return new AgencyRecorded(id, kind, "Demo " + kind, 1, java.util.Arrays.stream(people)
                .map(person -> new AgencyRecorded.Member(person, "Demo person", "Demo role")).toList());
    }

    /**
     * The day the test orders were made: nine days before the test runs, so every date a test derives from it stays
     * on the same side of "today" whatever day the suite runs on (the fixture itself holds no dates).
     */
    static final LocalDate MADE_ON = LocalDate.now(ZoneOffset.UTC).minusDays(9);

    /** The fixture's SPO, made on {@link #MADE_ON} for the statutory minimum of two years. */
    static ObjectNode validOrder(String caseReference) throws IOException {
        try (var in = OrderRegistryITBase.class.getResourceAsStream("/spo-order.json")) {
            ObjectNode order = (ObjectNode) JSON.readTree(in);
            order.put("courtCaseReference", caseReference).put("madeOn", MADE_ON.toString())
                    .put("endsOn", MADE_ON.plusYears(2).toString());
            return order;
        }
    }

    /** Requests go as the demo force's officer in charge unless a test says otherwise. */
    static final String POLICE = TestTokens.police();

    Response post(String path, JsonNode body) {
        return post(path, body, POLICE);
    }

    JsonNode get(String path) {
        var response = get(path, POLICE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Registers a valid order and answers its id. */
    String registered(ObjectNode order) throws Exception {
        var response = post("/orders", order);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("orderId").asString();
    }

    /**
     * The order's events as type@version, each once: the outbox publishes at least once, so a record may come twice
     * (a relay pass and the write's own publish both sending it); the same type at the same version is one event.
     */
    List<String> published(String orderId, int expected) {
        var records = TopicReader.readUntil(BOOTSTRAP, Topics.ORDERS, recs -> recs.stream()
                .filter(r -> orderId.equals(r.key())).map(OrderRegistryITBase::typeAndVersion).distinct().count()
                >= expected, Duration.ofSeconds(20));
        return records.stream().filter(r -> orderId.equals(r.key())).map(r -> {
            assertThat(CODEC.validate(r.value())).as(r.value()).isEmpty();
            return typeAndVersion(r);
        }).distinct().toList();
    }

    private static String typeAndVersion(TopicReader.Rec r) {
        var event = CODEC.read(r.value());
        return event.type() + "@" + ((OrderEvent) event.data()).order().version();
    }

    /**
     * The order's event of {@code version} (each change of an order is one version and one event), waited for; read
     * by version, not by its place among the records, since a record may come twice (see {@link #published}).
     */
    OrderEvent eventAt(String orderId, int version) {
        java.util.function.Predicate<TopicReader.Rec> wanted = r -> orderId.equals(r.key())
                && ((OrderEvent) CODEC.read(r.value()).data()).order().version() == version;
        return TopicReader.readUntil(BOOTSTRAP, Topics.ORDERS, recs -> recs.stream().anyMatch(wanted),
                Duration.ofSeconds(20)).stream().filter(wanted).findFirst()
                .map(r -> (OrderEvent) CODEC.read(r.value()).data())
                .orElseThrow(() -> new AssertionError("no event of version " + version + " of " + orderId));
    }

    List<TopicReader.Rec> eventsFor(String orderId, int atLeast, Duration wait) {
        return TopicReader.readUntil(BOOTSTRAP, Topics.ORDERS,
                recs -> recs.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast, wait)
                .stream().filter(r -> orderId.equals(r.key())).toList();
    }
}
