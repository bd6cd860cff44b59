package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/**
 * breach-report over real HTTP, fed by order events on the in-process broker, storing in the Mongo wire server. The
 * test classes extending this share one application context: one consumer in the service's group, so every order
 * event reaches the read model the tests read.
 */
abstract class ComplianceITBase extends ServiceIT {

    @Autowired
    OrderReadModel readModel;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("orderwatch.timers.interval", () -> "1h");
    }

    /** An order as order-registry would publish it, at {@code version}, with a fresh id. */
    static OrderSnapshot order(String orderId, long version) throws Exception {
        var example = (OrderRegistered) CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.ORDER_REGISTERED.exampleResource()).readAllBytes())).data();
        var o = example.order();
        return new OrderSnapshot(orderId, version, o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                LocalDate.now().minusDays(30), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                o.protectedPersonIds(), unscheduled(o.conditions()), o.agencies(), null, null, null, null);
    }

    /** The example's conditions without a programme schedule, so no sessions are planned unless a test asks. */
    static List<uk.orderwatch.schemas.events.Condition> unscheduled(List<uk.orderwatch.schemas.events.Condition> cs) {
        return cs.stream().map(c -> c.programme() == null ? c : new uk.orderwatch.schemas.events.Condition(
                c.conditionId(), c.category(), c.supervisingAgencyId(),
                new uk.orderwatch.schemas.events.Programme(c.programme().name(), c.programme().provider(),
                        c.programme().sessions(), null), c.distanceMetres(), c.policeStation(),
                c.responsiblePersonId())).toList();
    }

    static void publish(EventType type, String orderId, Object data) throws Exception {
        SharedTestInfra.send(type.topic(), orderId, CODEC.write(CloudEvent.of(type,
                UUID.randomUUID().toString(), "/orderwatch/order-registry", Instant.now(), orderId, data)));
    }

    static void publishOrder(OrderSnapshot order) throws Exception {
        var event = CloudEvent.of(EventType.ORDER_REGISTERED, UUID.randomUUID().toString(),
                "/orderwatch/order-registry", Instant.now(), order.orderId(),
                new OrderRegistered(order, new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));
        SharedTestInfra.send(Topics.ORDERS, order.orderId(), CODEC.write(event));
    }

    String knownOrder() throws Exception {
        String orderId = UUID.randomUUID().toString();
        publishOrder(order(orderId, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId).isPresent());
        return orderId;
    }

    /**
     * Who a request goes as, by what it does: probation records attendance, the police notifications and what
     * happened after a breach, an advocate reports breaches, ADMIN replays dead letters; reads go as the police of
     * the order.
     */
    static String tokenFor(String method, String path) {
        if (path.startsWith("/admin")) {
            return TestTokens.admin();
        }
        if (path.contains("/attendance") || path.contains("/sessions")) {
            return method.equals("GET") && !path.startsWith("/sessions/due") ? TestTokens.police()
                    : TestTokens.probation();
        }
        if (path.contains("/breaches") && method.equals("POST") && !path.endsWith("/outcomes")) {
            return TestTokens.advocate();
        }
        return TestTokens.police();
    }

    Response post(String path, JsonNode body) {
        return post(path, body, tokenFor("POST", path));
    }

    /** The answer to a GET that must succeed. */
    JsonNode get(String path) {
        var response = get(path, tokenFor("GET", path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static ObjectNode breach() {
        ObjectNode b = JSON.createObjectNode();
        b.put("conditionId", "c1");
        b.put("occurredAt", Instant.now().minusSeconds(3600).toString());
        b.put("description", "He sent her SENTINEL-DESCRIPTION messages from a new account");
        b.put("location", "SENTINEL-PLACE outside her workplace");
        return b;
    }

    static ObjectNode attendance(String attended) {
        ObjectNode a = JSON.createObjectNode();
        a.put("conditionId", "c2");
        a.put("sessionStart", Instant.now().minusSeconds(7200).toString());
        a.put("attended", attended);
        return a;
    }

    List<TopicReader.Rec> complianceEvents(String orderId, int atLeast, Duration wait) {
        return TopicReader.eachEventOnce(TopicReader.readUntil(BOOTSTRAP, Topics.COMPLIANCE,
                recs -> TopicReader.eachEventOnce(recs).stream().filter(r -> orderId.equals(r.key())).count()
                        >= atLeast, wait)
                .stream().filter(r -> orderId.equals(r.key())).toList());
    }

    static org.springframework.data.mongodb.core.query.Query orderQuery(String orderId) {
        return org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("orderId").is(orderId));
    }
}
