package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.testsupport.TopicReader;

/**
 * A different sentinel address typed into every free-text field of every endpoint, by the role that writes it; then
 * every read endpoint of the three services asked as each user. Each user must find exactly the sentinels their role
 * is entitled to (README, Access control), and no sentinel may be on any topic, in any service's log or in any
 * email sent.
 */
final class FreeTextSweep {

    /** Each free-text field, by the sentinel typed into it. */
    static final String ZONE_WORDING = "SENTINEL-ZONE-WORDING 17 Hidden Close";
    static final String ZONE_AREA = "SENTINEL-ZONE-AREA 17 Hidden Close";
    static final String VARIATION_REASON = "SENTINEL-VARIATION-REASON 17 Hidden Close";
    static final String DISCHARGE_REASON = "SENTINEL-DISCHARGE-REASON 17 Hidden Close";
    static final String BREACH_WORDS = "SENTINEL-BREACH-WORDS waited outside 17 Hidden Close";
    static final String BREACH_PLACE = "SENTINEL-BREACH-PLACE 17 Hidden Close";
    static final String EVIDENCE = "SENTINEL-EVIDENCE 17 Hidden Close";
    static final String LATE_REASON = "SENTINEL-LATE-REASON 17 Hidden Close";
    static final String CONCERN = "SENTINEL-CONCERN 17 Hidden Close";
    static final String CORRECTION = "SENTINEL-CORRECTION 17 Hidden Close";
    static final String RESCHEDULE = "SENTINEL-RESCHEDULE 17 Hidden Close";
    static final String ACK_NOTE = "SENTINEL-ACK-NOTE 17 Hidden Close";
    static final String NOTIFIED_NAMES = "SENTINEL-NOTIFIED-NAMES Johnny Hidden";
    static final String NOTIFIED_ADDRESS = "SENTINEL-NOTIFIED-ADDRESS 17 Hidden Close";

    static final List<String> ALL = List.of(ZONE_WORDING, ZONE_AREA, VARIATION_REASON, DISCHARGE_REASON, BREACH_WORDS,
            BREACH_PLACE, EVIDENCE, LATE_REASON, CONCERN, CORRECTION, RESCHEDULE, ACK_NOTE, NOTIFIED_NAMES,
            NOTIFIED_ADDRESS);

    /** What each user may read: the police everything of their order; the advocate no probation notes. */
    static final Map<String, Set<String>> ENTITLED = Map.of(
            DemoData.OIC, Set.copyOf(ALL),
            DemoData.CASEWORKER, Set.of(ZONE_WORDING, ZONE_AREA, VARIATION_REASON, DISCHARGE_REASON, BREACH_WORDS,
                    BREACH_PLACE, EVIDENCE),
            DemoData.PRACTITIONER, Set.of(LATE_REASON, CONCERN, CORRECTION, RESCHEDULE),
            DemoData.OTHER_FORCE, Set.of(),
            DemoData.ADMIN, Set.of());

    private final LocalStack stack;
    private final StackClient client;

    FreeTextSweep(LocalStack stack, StackClient client) {
        this.stack = stack;
        this.client = client;
    }

    void run() throws Exception {
        String orderId = writeEverywhere();
        for (var user : ENTITLED.entrySet()) {
            String everything = readEverything(user.getKey(), orderId);
            Set<String> found = new TreeSet<>();
            ALL.stream().filter(everything::contains).forEach(found::add);
            assertThat(found).as("free text %s reads of order %s", user.getKey(), orderId)
                    .isEqualTo(new TreeSet<>(user.getValue()));
        }
        for (String topic : Topics.allTopics()) {
            for (var record : TopicReader.readToEnd(stack.config().kafkaBootstrap(), topic, Duration.ofSeconds(60))) {
                assertThat(record.value()).as("record on %s", topic).doesNotContain(sentinelMarkers());
            }
        }
        for (ServiceName service : ServiceName.values()) {
            for (var instance : stack.serviceInstances(service)) {
                var log = instance.logFile();
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(sentinelMarkers());
            }
        }
        for (var message : stack.mail().getReceivedMessages()) {
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message)).as("an email sent")
                    .doesNotContain(sentinelMarkers());
        }
    }

    /** The part of each sentinel no other text has (an email may wrap or encode the rest). */
    private static String[] sentinelMarkers() {
        return ALL.stream().map(s -> s.substring(0, s.indexOf(' '))).toArray(String[]::new);
    }

    /** Writes each sentinel, as the role that writes that field, into one new order's records. */
    private String writeEverywhere() throws Exception {
        ObjectNode order = DemoData.order("1 Safe House Lane", "07700900888");
        ObjectNode zone = ((ArrayNode) order.get("conditions")).addObject().put("category", "EXCLUSION_ZONE")
                .put("description", ZONE_WORDING);
        zone.putObject("zone").put("area", ZONE_AREA).put("radiusMetres", 500);
        String orderId = client.register(order);
        String path = "/orders/" + orderId;
        ok(client.post(DemoData.OIC, ServiceName.ORDER_REGISTRY, path + "/service",
                DemoData.JSON.createObjectNode().put("servedAt", Instant.now().minusSeconds(3600).toString())));
        // the subject's notification of names and home address, which the police alone read
        await().atMost(Duration.ofSeconds(30)).until(() -> client.response(DemoData.OIC, ServiceName.BREACH_REPORT,
                path + "/notification-requirement").statusCode() == 200);
        ok(client.post(DemoData.OIC, ServiceName.BREACH_REPORT, path + "/notification-requirement/notifications",
                DemoData.JSON.createObjectNode().put("kind", "INITIAL").put("notifiedAt", Instant.now().toString())
                        .put("notifiedNames", NOTIFIED_NAMES).put("notifiedAddress", NOTIFIED_ADDRESS)));
        ok(client.post(DemoData.OIC, ServiceName.ORDER_REGISTRY, path + "/variations", DemoData.JSON
                .createObjectNode().put("endsOn", LocalDate.now(ZoneOffset.UTC).plusYears(3).toString())
                .put("reason", VARIATION_REASON)));

        ObjectNode breach = DemoData.breach(Instant.now().minusSeconds(600)).put("description", BREACH_WORDS)
                .put("location", BREACH_PLACE);
        breach.putArray("evidenceReferences").add(EVIDENCE);
        ok(client.post(DemoData.CASEWORKER, ServiceName.BREACH_REPORT, path + "/breaches", breach));

        ObjectNode late = DemoData.missedSession(Instant.now().minusSeconds(7200)).put("attended", "LATE")
                .put("lateReason", LATE_REASON);
        late.putObject("concern").put("description", CONCERN).put("tellPractitioner", true).put("risk", true);
        String session = ok(client.post(DemoData.PRACTITIONER, ServiceName.BREACH_REPORT, path + "/attendance",
                late)).get("sessionId").asString();
        ok(client.post(DemoData.PRACTITIONER, ServiceName.BREACH_REPORT, path + "/sessions/" + session + "/outcomes",
                DemoData.JSON.createObjectNode().put("attended", "YES").put("correctionReason", CORRECTION)));
        String next = ok(client.post(DemoData.PRACTITIONER, ServiceName.BREACH_REPORT, path + "/sessions",
                DemoData.JSON.createObjectNode().put("conditionId", "c2")
                        .put("start", Instant.now().plus(Duration.ofDays(2)).toString())
                        .put("durationMinutes", 90))).get("sessionId").asString();
        ok(client.post(DemoData.PRACTITIONER, ServiceName.BREACH_REPORT, path + "/sessions/" + next + "/reschedule",
                DemoData.JSON.createObjectNode().put("start", Instant.now().plus(Duration.ofDays(3)).toString())
                        .put("reason", RESCHEDULE)));

        // the officer in charge acknowledges the breach alert with a note
        String alertId = await().atMost(Duration.ofSeconds(60)).until(() -> client.get(DemoData.OIC,
                ServiceName.NOTIFICATION, "/alerts?size=100&orderId=" + orderId).get("items").valueStream()
                .filter(a -> a.get("sourceEventType").asString().equals("breach.reported")).findFirst(),
                java.util.Optional::isPresent).orElseThrow().get("alertId").asString();
        ok(client.post(DemoData.OIC, ServiceName.NOTIFICATION, "/alerts/" + alertId + "/acknowledgements",
                DemoData.JSON.createObjectNode().put("note", ACK_NOTE)));

        ok(client.post(DemoData.OIC, ServiceName.ORDER_REGISTRY, path + "/discharge", DemoData.JSON
                .createObjectNode().put("dischargedOn", LocalDate.now(ZoneOffset.UTC).toString())
                .put("reason", DISCHARGE_REASON)));
        // every event of these writes has been consumed: the alerts of the discharge are there
        await().atMost(Duration.ofSeconds(60)).until(() -> client.alerts(orderId).stream()
                .anyMatch(a -> a.get("sourceEventType").asString().equals("order.discharged")));
        return orderId;
    }

    /** Every read endpoint of the three services that could show this order's records, as {@code user}. */
    private String readEverything(String user, String orderId) throws Exception {
        String order = "/orders/" + orderId;
        Map<ServiceName, List<String>> paths = new LinkedHashMap<>();
        List<String> registry = new ArrayList<>(List.of(order, order + "/history", "/orders?subject=Example",
                "/orders/expiring?withinDays=3650", "/admin/audit?size=500&recordId=" + orderId));
        for (int version = 1; version <= 4; version++) {
            registry.add(order + "/versions/" + version);
        }
        paths.put(ServiceName.ORDER_REGISTRY, registry);
        paths.put(ServiceName.BREACH_REPORT, List.of(order + "/compliance", order + "/sessions",
                order + "/notification-requirement", "/sessions/due", "/admin/audit?size=500&recordId=" + orderId));
        List<String> notification = new ArrayList<>(List.of("/alerts?size=100&orderId=" + orderId,
                "/directory/agencies", "/admin/audit?size=500"));
        for (JsonNode alert : client.alerts(orderId)) {
            notification.add("/alerts/" + alert.get("alertId").asString());
        }
        paths.put(ServiceName.NOTIFICATION, notification);

        StringBuilder everything = new StringBuilder();
        for (var service : paths.entrySet()) {
            for (String path : service.getValue()) {
                everything.append(client.response(user, service.getKey(), path).body()).append('\n');
            }
        }
        JsonNode compliance = DemoData.JSON.readTree(client.response(DemoData.OIC, ServiceName.BREACH_REPORT,
                order + "/compliance").body());
        for (JsonNode breach : compliance.get("breaches")) {
            everything.append(client.response(user, ServiceName.BREACH_REPORT, order + "/breaches/"
                    + breach.get("breachId").asString()).body());
        }
        return everything.toString();
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return DemoData.JSON.readTree(response.body());
    }
}
