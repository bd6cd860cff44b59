package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.infra.KafkaCredentials;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackConfig;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.testsupport.TopicReader;

/**
 * The README scenario against the packaged service jars running as processes: register an order, report a breach
 * and a missed session, and find one alert per event for the officer in charge, the practitioner and the caseworker.
 * Subclasses say where Kafka and MongoDB come from.
 */
abstract class SkeletonFlowScenario {

    /**
     * The alerts of the scenario's order: breach and missed session to the officer in charge, practitioner and
     * caseworker each; registered, served and varied to the caseworker. One miss calls for no enforcement review
     * (breaches are not counted; the threshold is two failures).
     */
    static final int ALERTS = 9;

    static final String SENTINEL_ADDRESS = "SENTINEL-ADDR 7 Hidden Close";
    static final String SENTINEL_PHONE = "07700900123";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();

    static LocalStack stack;

    /** Whether the test class started the stack itself, and so stops it. */
    private static boolean owned;

    /** Starts the stack with the given config for the test class; stopped after it. */
    static void start(StackConfig config) {
        stack = new LocalStack(config).start();
        owned = true;
    }

    /** Runs on a stack another owns ({@link SharedLocalStack}). */
    static void use(LocalStack shared) {
        stack = shared;
        owned = false;
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        if (stack != null && owned) {
            stack.close();
        }
        stack = null;
    }

    LocalStack stack() {
        return stack;
    }

    static StackConfig baseConfig(Path dataDir) {
        return StackClient.baseConfig(dataDir);
    }

    StackClient client() {
        return new StackClient(stack());
    }

    static final String OIC = StackClient.OIC;
    static final String PRACTITIONER = StackClient.PRACTITIONER;
    static final String CASEWORKER = StackClient.CASEWORKER;

    @Test
    void anOrdersBreachAndMissedSessionEachAlertThePoliceProbationAndTheAdvocate() throws Exception {
        var client = client();
        String orderId = client.register(StackClient.order(SENTINEL_ADDRESS, SENTINEL_PHONE));
        serveAndVary(orderId);

        var reported = client.reportBreach(orderId);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        var recorded = client.recordMissedSession(orderId);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        // breach and missed session: officer in charge, practitioner, caseworker each; registered, served and varied:
        // the caseworker
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(client.alerts(orderId)).hasSize(ALERTS));
        assertThat(JSON.readTree(reported.body()).get("beforeService").asBoolean())
                .as("breach-report knows the order was served").isFalse();
        var all = client.alerts(orderId);
        for (String type : List.of("breach.reported", "session.missed")) {
            var alerts = all.stream().filter(a -> a.get("sourceEventType").asString().equals(type)).toList();
            assertThat(alerts).extracting(a -> a.get("recipient").get("personId").asString())
                    .as(type).containsExactlyInAnyOrder("demo-oic", "demo-practitioner", "demo-caseworker");
        }
        assertThat(all.stream().filter(a -> a.get("sourceEventType").asString().startsWith("order."))
                .map(a -> a.get("recipient").get("personId").asString())).containsOnly("demo-caseworker").hasSize(3);
        assertThat(all).extracting(a -> a.get("sourceEventType").asString()).as("a breach is not counted towards "
                + "probation's enforcement").doesNotContain("enforcement.review-required");
        var caseworker = client.get(CASEWORKER, ServiceName.NOTIFICATION, "/alerts?orderId=" + orderId
                + "&priority=HIGH").get("items").get(0);
        assertThat(caseworker.get("fields").get("policeAction").asString()).contains("officer in charge");
        assertThat(caseworker.get("fields").has("reportedBy")).isFalse();

        // the officer in charge reads the breach alert in the demo mailbox and acknowledges it
        var oicBreach = all.stream().filter(a -> a.get("recipient").get("personId").asString().equals("demo-oic")
                && a.get("sourceEventType").asString().equals("breach.reported")).findFirst().orElseThrow();
        String oicAlertId = oicBreach.get("alertId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(stack().mail()
                .getReceivedMessagesForDomain("police.orderwatch.test")).anyMatch(m -> {
                    try {
                        return oicAlertId.equals(m.getHeader("X-Orderwatch-Alert")[0]);
                    } catch (Exception e) {
                        return false;
                    }
                }));
        ObjectNode ack = JSON.createObjectNode().put("note", "Arrest planned");
        var acknowledged = client.post(OIC, ServiceName.NOTIFICATION, "/alerts/" + oicAlertId + "/acknowledgements",
                ack);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(201);
        // still to acknowledge: the missed session
        assertThat(client.get(OIC, ServiceName.NOTIFICATION, "/alerts?unacknowledged=true&orderId=" + orderId)
                .get("items").findValuesAsString("sourceEventType"))
                .containsExactly("session.missed");

        assertOnlyTheEntitledSeeTheVictim(orderId);
        assertEveryRecordIsAValidEventWithoutTheVictimsDetails(orderId);
        assertNoLogHoldsTheVictimsDetails();
        assertEveryReadAndDisclosureIsAudited(orderId, all, oicAlertId);
    }

    /**
     * Issue 21 (ADR 23): the answer to a report names its trace; that trace runs from breach-report through the outbox
     * and Kafka to notification, where each alert of the report shows it and each delivery is a span of it. The
     * order's registration is a trace of its own, from order-registry to the alert that tells of it. Read from the
     * services' logs, where the local stack writes each finished span.
     */
    @Test
    void aReportsAnswerNamesTheTraceItsAlertsAndDeliveriesBelongToAcrossTheServices() throws Exception {
        var client = client();
        var registered = client.post(OIC, ServiceName.ORDER_REGISTRY, "/orders", StackClient.order("1 Trace Road",
                "07700 900111"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String registration = traceId(registered);
        String orderId = JSON.readTree(registered.body()).get("orderId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.status(OIC, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/compliance") == 200);
        var reported = client.reportBreach(orderId);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String report = traceId(reported);
        assertThat(report).isNotEqualTo(registration);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var alerts = client.alerts(orderId);
            assertThat(alerts.stream().filter(a -> a.get("sourceEventType").asString().equals("breach.reported"))
                    .map(a -> a.get("traceId").asString())).as("each alert of the report").hasSize(3)
                    .containsOnly(report);
            assertThat(alerts.stream().filter(a -> a.get("sourceEventType").asString().equals("order.registered"))
                    .map(a -> a.get("traceId").asString())).as("the alert of the registration").hasSize(1)
                    .containsOnly(registration);
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(spans(ServiceName.BREACH_REPORT, report)).as("breach-report: the request")
                    .anyMatch(s -> s.contains("http post"));
            assertThat(spans(ServiceName.NOTIFICATION, report)).as("notification: the event, each delivery")
                    .anyMatch(s -> s.contains(" consume breach.reported "))
                    .anyMatch(s -> s.contains(" deliver alert "))
                    .anyMatch(s -> s.contains(" send email "));
            assertThat(spans(ServiceName.ORDER_REGISTRY, registration)).as("order-registry: the registration")
                    .anyMatch(s -> s.contains("http post"));
            assertThat(spans(ServiceName.BREACH_REPORT, registration)).as("breach-report learns of the order")
                    .anyMatch(s -> s.contains(" consume order.registered "));
            assertThat(spans(ServiceName.NOTIFICATION, registration)).as("notification learns of it")
                    .anyMatch(s -> s.contains(" consume order.registered "));
        });
    }

    /** The trace id of an answer's {@code traceparent} header. */
    static String traceId(HttpResponse<String> response) {
        String traceparent = response.headers().firstValue("traceparent").orElseThrow(() ->
                new AssertionError("no traceparent on the answer"));
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.substring(3, 35);
    }

    /** The spans of a trace that any instance of a service logged. */
    List<String> spans(ServiceName service, String traceId) throws IOException {
        List<String> spans = new java.util.ArrayList<>();
        for (var instance : stack().serviceInstances(service)) {
            try (var lines = Files.lines(instance.logFile())) {
                lines.filter(l -> l.contains(" span trace=" + traceId + " ")).forEach(spans::add);
            }
        }
        return spans;
    }

    @Test
    void theScenarioRunsThroughClientsGeneratedFromThePublishedDocuments() throws Exception {
        new GeneratedClientScenario(client()).run();
    }

    /**
     * Free text goes to the roles entitled to it and nowhere else: a sentinel address in every free-text field of
     * every endpoint, read back through every read endpoint as each role, and looked for on every topic, in every
     * log and in every email.
     */
    /** An alert of the order, once notification raised it. */
    static JsonNode awaitAlert(StackClient client, String orderId, String type, String personId) {
        return awaitAlert(client, orderId, type, personId, null);
    }

    /** An alert of the order for that person (any, when null) in that role (any, when null). */
    static JsonNode awaitAlert(StackClient client, String orderId, String type, String personId, String role) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> client.alerts(orderId).stream()
                .filter(a -> a.get("sourceEventType").asString().equals(type)
                        && (personId == null || a.get("recipient").get("personId").asString().equals(personId))
                        && (role == null || a.get("recipient").get("role").asString().equals(role))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void theLawAndTheDayToDayOfACaseCrossTheServices() throws Exception {
        var client = client();
        var interim = StackClient.order("3 Interim Road", "07700900444").put("type", "INTERIM_SPO")
                .put("endsOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(28).toString());
        String interimId = client.register(interim);
        ok(client.post(OIC, ServiceName.ORDER_REGISTRY, "/orders/" + interimId + "/service", JSON.createObjectNode()
                .put("servedAt", Instant.now().minusSeconds(3600).toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> client.status(OIC, ServiceName.BREACH_REPORT,
                "/orders/" + interimId + "/notification-requirement") == 200);

        // a full SPO replacing the served interim starts no clock of its own: the interim's stands for it
        String fullId = client.register(StackClient.order("3 Interim Road", "07700900444")
                .put("interimOrderId", interimId));
        assertThat(client.get(OIC, ServiceName.BREACH_REPORT, "/orders/" + fullId + "/notification-requirement")
                .get("orderId").asString()).isEqualTo(interimId);
        assertThat(awaitAlert(client, fullId, "order.registered", "demo-caseworker").get("title").asString())
                .startsWith("Full order granted, replacing the interim order");

        // an interim order whose full order the court refused ends, and the advocate is told in words
        String refusedId = client.register(interim.put("courtCaseReference", "DEMO-" + java.util.UUID.randomUUID()));
        ok(client.post(OIC, ServiceName.ORDER_REGISTRY, "/orders/" + refusedId + "/interim-end", JSON
                .createObjectNode().put("outcome", "FULL_ORDER_REFUSED")
                .put("decidedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())));
        assertThat(awaitAlert(client, refusedId, "order.interim-ended", "demo-caseworker").get("title").asString())
                .startsWith("Interim order ended: full order refused");

        // a second protected person with their own advocate: a breach now alerts both advocates
        ok(client.post(OIC, ServiceName.ORDER_REGISTRY, "/orders/" + fullId + "/protected-persons", JSON
                .createObjectNode().put("name", "Sam Second").put("advocatePersonId", "demo-advocacy-manager")));
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get(OIC, ServiceName.BREACH_REPORT, "/orders/"
                + fullId + "/compliance").get("order").get("protectedPersonIds").size() == 2);
        ok(client.reportBreach(fullId));
        awaitAlert(client, fullId, "breach.reported", "demo-advocacy-manager");
        awaitAlert(client, fullId, "breach.reported", "demo-caseworker");
    }

    /**
     * An order that names the probation unit but no practitioner alerts whoever the unit has on duty; a HIGH alert
     * nobody takes on walks the advocacy service's policy to its next on-duty person (1-minute steps for the test);
     * and every alert in the system is for someone who can sign in and read it.
     */
    @Test
    void everyAlertReachesSomeoneOnDutyWhoCanSignIn() throws Exception {
        var client = client();
        String spo = "chris.doyle";
        String advocacyManager = "rene.adeyemi";
        String duty = "/directory/agencies/demo-advocacy/duty";
        var standing = client.get(advocacyManager, ServiceName.NOTIFICATION, duty).get("highPriority");
        var order = StackClient.order("5 Duty Road", "07700900555");
        ((tools.jackson.databind.node.ObjectNode) order.get("agencies").get("probation")).remove("personId");
        String orderId = client.register(order);
        try {
            ok(client.put(advocacyManager, ServiceName.NOTIFICATION, duty + "/escalation-policy", JSON.readTree("""
                    {"unassignedRotaId":"duty-caseworkers","policy":%s,
                     "highPriority":{"steps":[{"who":"ASSIGNED","waitMinutes":1},
                       {"who":"ON_DUTY","rotaId":"duty-caseworkers","waitMinutes":1},
                       {"who":"FALLBACK","waitMinutes":1}],"repeat":0}}
                    """.formatted(client.get(advocacyManager, ServiceName.NOTIFICATION, duty).get("policy")))));
            ok(client.reportBreach(orderId));

            var onDuty = awaitAlert(client, orderId, "breach.reported", null, "PROBATION_PRACTITIONER");
            String raisedAt = onDuty.get("raisedAt").asString();
            assertThat(onDuty.get("recipient").get("personId").asString()).as("the unit's duty officer then")
                    .isEqualTo(client.get(spo, ServiceName.NOTIFICATION, "/directory/agencies/demo-probation/duty/"
                            + "rotas/duty-officers/on-duty?at=" + raisedAt).get("personId").asString());

            var escalated = await().atMost(Duration.ofMinutes(3)).until(() -> client.alerts(orderId).stream()
                    .filter(a -> a.get("recipient").get("agencyId").asString().equals("demo-advocacy")
                            && a.get("escalationLevel").asInt() > 0).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow();
            String then = client.get(advocacyManager, ServiceName.NOTIFICATION, duty + "/rotas/duty-caseworkers/"
                    + "on-duty?at=" + escalated.get("raisedAt").asString()).get("personId").asString();
            assertThat(escalated.get("recipient").get("personId").asString()).as("whoever was on duty, or the "
                    + "fallback when that was the caseworker who did not answer").isEqualTo(
                    then.equals("demo-caseworker") ? "demo-advocacy-on-call" : then);
        } finally {
            ok(client.put(advocacyManager, ServiceName.NOTIFICATION, duty + "/escalation-policy", JSON.readTree("""
                    {"unassignedRotaId":"duty-caseworkers","policy":%s,"highPriority":%s}
                    """.formatted(client.get(advocacyManager, ServiceName.NOTIFICATION, duty).get("policy"),
                    standing))));
        }

        var users = java.util.regex.Pattern.compile("personId: ([a-z0-9-]+), agencyId: ([a-z0-9-]+)")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty(
                        "orderwatch.repo-root", "../.."), "infra/identity-server/src/main/resources/application.yml")))
                .results().map(m -> m.group(2) + "/" + m.group(1)).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> unreadable = new java.util.TreeSet<>();
        try (var mongo = com.mongodb.client.MongoClients.create(stack().mongoUri("admin"))) {
            mongo.getDatabase("orderwatch-notification").getCollection("alerts").find().forEach(a -> {
                var r = a.get("recipient", org.bson.Document.class);
                if (!users.contains(r.getString("agencyId") + "/" + r.getString("personId"))) {
                    unreadable.add(r.getString("agencyId") + "/" + r.getString("personId"));
                }
            });
        }
        assertThat(users).hasSizeGreaterThan(10);
        assertThat(unreadable).as("recipients no user signs in as").isEmpty();
    }

    private static JsonNode ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    @Test
    void freeTextReachesOnlyTheRolesEntitledToItAndNoTopicLogOrEmail() throws Exception {
        new FreeTextSweep(stack(), client()).run();
    }

    /**
     * The event stream takes each topic from its one writer only, as the broker enforces it: another service's
     * principal is refused (no forged {@code order.*} record can hand an order to another force), as is a wrong
     * password or a client that does not sign in; and a service reads only what it consumes.
     */
    @Test
    void theBrokerLetsOnlyEachTopicsWriterWriteItAndEachServiceReadOnlyWhatItConsumes() {
        for (ServiceName service : List.of(ServiceName.ORDER_REGISTRY, ServiceName.BREACH_REPORT,
                ServiceName.NOTIFICATION)) {
            try (var producer = producer(stack().kafkaCredentials(service).clientProperties())) {
                for (String topic : Topics.EVENT_TOPICS) {
                    if (!Topics.WRITERS.get(topic).equals(service.id())) {
                        assertThatThrownBy(() -> forge(producer, topic)).as("%s writing %s", service.id(), topic)
                                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
        var breachReport = new HashMap<String, Object>(
                stack().kafkaCredentials(ServiceName.BREACH_REPORT).clientProperties());
        breachReport.put("bootstrap.servers", stack().config().kafkaBootstrap());
        breachReport.put("group.id", "breach-report-probe");
        try (var consumer = new KafkaConsumer<String, String>(breachReport, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20)))
                    .as("breach-report does not consume the alerts")
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (var impostor = producer(new KafkaCredentials("order-registry", "guessed").clientProperties())) {
            assertThatThrownBy(() -> forge(impostor, Topics.ORDERS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        try (var unsigned = producer(Map.of("max.block.ms", 3_000))) {
            assertThatThrownBy(() -> forge(unsigned, Topics.ORDERS)).as("a client that does not sign in gets nowhere")
                    .isNotNull();
        }
    }

    /** A producer to the stack's broker with these sign-in settings, giving up on metadata after 10 s. */
    private KafkaProducer<String, String> producer(Map<String, Object> signIn) {
        var settings = new HashMap<String, Object>(Map.of("max.block.ms", 10_000));
        settings.putAll(signIn);
        settings.put("bootstrap.servers", stack().config().kafkaBootstrap());
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    private static void forge(KafkaProducer<String, String> producer, String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, "forged", "{}")).get(20, TimeUnit.SECONDS);
    }

    /**
     * Someone probing ids is noticed: a user refused again and again (here an advocate asking for orders that are
     * not theirs) is reported by email to their agency's escalation chain, and each refusal is in the audit log.
     */
    @Test
    void aUserRefusedAgainAndAgainIsReportedToTheirAgency() throws Exception {
        var client = client();
        for (int i = 0; i < 10; i++) {
            assertThat(client.status(CASEWORKER, ServiceName.ORDER_REGISTRY, "/orders/" + java.util.UUID.randomUUID()))
                    .isEqualTo(404);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(stack().mail()
                .getReceivedMessagesForDomain("advocacy.orderwatch.test")).anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("rene.adeyemi@advocacy.orderwatch.test")
                                && m.getSubject().contains("demo-caseworker was refused access");
                    } catch (Exception e) {
                        return false;
                    }
                }));
        var refusals = client.get(StackClient.ADMIN, ServiceName.ORDER_REGISTRY,
                "/admin/audit?action=REFUSE&personId=demo-caseworker&size=100").get("items");
        assertThat(refusals.size()).as("each refusal is in the audit log").isGreaterThanOrEqualTo(10);
    }

    /**
     * The victim's details are shown to the police holding the order and to her caseworker, and to no one else: not
     * to probation, not to another force, not to ADMIN, and never in a list.
     */
    void assertOnlyTheEntitledSeeTheVictim(String orderId) throws Exception {
        var client = client();
        for (String user : List.of(OIC, CASEWORKER)) {
            assertThat(client.get(user, ServiceName.ORDER_REGISTRY, "/orders/" + orderId).toString())
                    .as(user).contains(SENTINEL_ADDRESS, SENTINEL_PHONE);
        }
        List<String> reads = List.of("/orders/" + orderId, "/orders/" + orderId + "/history",
                "/orders/" + orderId + "/versions/1", "/orders?subject=Example", "/orders/expiring?withinDays=3650");
        for (String user : List.of(PRACTITIONER, StackClient.OTHER_FORCE, StackClient.ADMIN, OIC, CASEWORKER)) {
            for (String path : reads) {
                if (path.startsWith("/orders/" + orderId) && !path.contains("history") && !path.contains("versions")
                        && (user.equals(OIC) || user.equals(CASEWORKER))) {
                    continue; // the entitled, above
                }
                var response = client.response(user, ServiceName.ORDER_REGISTRY, path);
                assertThat(response.body()).as("%s %s", user, path).doesNotContain(SENTINEL_ADDRESS, SENTINEL_PHONE);
            }
            for (ServiceName service : List.of(ServiceName.BREACH_REPORT, ServiceName.NOTIFICATION)) {
                String path = service == ServiceName.BREACH_REPORT ? "/orders/" + orderId + "/compliance"
                        : "/alerts?orderId=" + orderId;
                assertThat(client.response(user, service, path).body()).as("%s %s", user, path)
                        .doesNotContain(SENTINEL_ADDRESS, SENTINEL_PHONE);
            }
        }
        assertThat(client.get(PRACTITIONER, ServiceName.ORDER_REGISTRY, "/orders/" + orderId).has("protectedPersons"))
                .as("probation sees the order without its protected persons").isFalse();
        assertThat(client.status(StackClient.OTHER_FORCE, ServiceName.ORDER_REGISTRY, "/orders/" + orderId))
                .as("another force's order does not exist for them").isEqualTo(404);
        assertThat(client.status(StackClient.OTHER_FORCE, ServiceName.BREACH_REPORT,
                "/orders/" + orderId + "/compliance")).isEqualTo(404);
        assertThat(client.status(StackClient.ADMIN, ServiceName.ORDER_REGISTRY, "/orders/" + orderId))
                .as("ADMIN sees no case data").isEqualTo(403);
    }

    /** Each consultation and disclosure of the scenario has its audit entry, with who, role and agency. */
    void assertEveryReadAndDisclosureIsAudited(String orderId, List<JsonNode> alerts, String acknowledged)
            throws Exception {
        var client = client();
        var registry = client.get(StackClient.ADMIN, ServiceName.ORDER_REGISTRY,
                "/admin/audit?size=500&recordId=" + orderId).get("items");
        assertThat(entries(registry, "CHANGE", "demo-oic")).as("registered, served, varied").hasSize(3);
        assertThat(entries(registry, "READ", "demo-oic")).as("the police read it").isNotEmpty();
        assertThat(entries(registry, "READ", "demo-caseworker")).as("the caseworker read it").isNotEmpty();
        assertThat(entries(registry, "READ", "demo-practitioner")).as("probation read it").isNotEmpty();
        assertThat(registry.toString()).doesNotContain(SENTINEL_ADDRESS, SENTINEL_PHONE);

        var compliance = client.get(StackClient.ADMIN, ServiceName.BREACH_REPORT,
                "/admin/audit?size=500&recordId=" + orderId).get("items");
        assertThat(entries(compliance, "CHANGE", "demo-caseworker")).as("the breach report").hasSize(1);
        assertThat(entries(compliance, "CHANGE", "demo-practitioner")).as("the missed session").hasSize(1);
        assertThat(entries(compliance, "READ", "demo-oic")).as("the compliance view").isNotEmpty();

        for (JsonNode alert : alerts) {
            String alertId = alert.get("alertId").asString();
            String recipient = alert.get("recipient").get("personId").asString();
            var entries = client.get(StackClient.ADMIN, ServiceName.NOTIFICATION,
                    "/admin/audit?size=500&recordId=" + alertId).get("items");
            assertThat(entries.valueStream().filter(e -> e.get("action").asString().equals("DISCLOSE")
                    && recipient.equals(e.get("recipientPersonId").asString())))
                    .as("alert %s sent to %s", alertId, recipient).isNotEmpty();
            assertThat(entries.valueStream().filter(e -> e.get("action").asString().equals("READ")))
                    .as("alert %s listed to a supervisor", alertId).isNotEmpty();
        }
        var ack = client.get(StackClient.ADMIN, ServiceName.NOTIFICATION,
                "/admin/audit?action=CHANGE&recordId=" + acknowledged).get("items");
        assertThat(ack.valueStream().map(e -> e.get("personId").asString())).containsExactly("demo-oic");
        assertThat(ack.get(0).get("role").asString()).isEqualTo("POLICE");
        assertThat(ack.get(0).get("agencyId").asString()).isEqualTo("demo-police");
    }

    private static List<JsonNode> entries(JsonNode items, String action, String personId) {
        return items.valueStream().filter(e -> e.get("action").asString().equals(action)
                && e.get("personId").asString().equals(personId)).toList();
    }

    /** Serves the order and varies it; both read models must reach the new version before a report is made. */
    void serveAndVary(String orderId) throws Exception {
        ObjectNode serve = JSON.createObjectNode().put("servedAt", Instant.now().minusSeconds(3600).toString());
        var served = client().post(OIC, ServiceName.ORDER_REGISTRY, "/orders/" + orderId + "/service", serve);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);

        ObjectNode vary = JSON.createObjectNode().put("reason", "Court added a no-approach prohibition");
        var conditions = JSON.readTree(served.body()).get("conditions").deepCopy();
        ((tools.jackson.databind.node.ArrayNode) conditions).addObject().put("category", "NO_APPROACH")
                .put("description", "Not to come within 100 metres of the protected person").put("distanceMetres", 100);
        vary.set("conditions", conditions);
        var varied = client().post(OIC, ServiceName.ORDER_REGISTRY, "/orders/" + orderId + "/variations", vary);
        assertThat(varied.statusCode()).as(varied.body()).isEqualTo(200);
        assertThat(JSON.readTree(varied.body()).get("version").asInt()).isEqualTo(3);

        for (String service : List.of("breach-report", "notification")) {
            try (var client = com.mongodb.client.MongoClients.create(stack().mongoUri("orderwatch-" + service))) {
                var readModel = client.getDatabase("orderwatch-" + service).getCollection("orders");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    var known = readModel.find(new org.bson.Document("_id", orderId)).first();
                    assertThat(known).as(service + " read model").isNotNull();
                    assertThat(known.get("version", Number.class).longValue()).isEqualTo(3);
                    var order = known.get("order", org.bson.Document.class);
                    assertThat(order.getString("status")).isEqualTo("SERVED");
                    assertThat(order.getList("conditions", org.bson.Document.class)).hasSize(3);
                });
            }
        }
    }

    void assertEveryRecordIsAValidEventWithoutTheVictimsDetails(String orderId) {
        String bootstrap = stack().config().kafkaBootstrap();
        var alertsForOrder = TopicReader.readUntil(bootstrap, Topics.ALERTS, recs -> recs.stream()
                .filter(r -> orderId.equals(r.key()) && "alert.raised".equals(r.headers().get("ce_type")))
                .count() >= ALERTS,
                Duration.ofSeconds(30));
        assertThat(alertsForOrder).filteredOn(r -> orderId.equals(r.key()))
                .filteredOn(r -> "alert.raised".equals(r.headers().get("ce_type"))).hasSize(ALERTS);
        Map<String, Integer> read = new java.util.LinkedHashMap<>();
        Map<String, Long> ofThisOrder = new java.util.LinkedHashMap<>();
        for (String topic : Topics.allTopics()) {
            // every record up to the end offsets: the sweep checks all there is, and says how much that was
            List<TopicReader.Rec> records = TopicReader.readToEnd(bootstrap, topic, Duration.ofSeconds(60));
            read.put(topic, records.size());
            ofThisOrder.put(topic, records.stream().filter(r -> orderId.equals(r.key())).count());
            for (var record : records) {
                assertThat(record.value()).as("record on %s", topic)
                        .doesNotContain(SENTINEL_ADDRESS, SENTINEL_PHONE, "Jane Protected");
                if (!topic.endsWith(".dlq")) {
                    assertThat(CODEC.validate(record.value())).as("record on %s: %s", topic, record.value())
                            .isEmpty();
                    assertThat(record.headers()).containsKeys("ce_id", "ce_type");
                    // one writer per topic: what is on it came from that service and nowhere else
                    assertThat(CODEC.read(record.value()).source()).as("source of %s on %s",
                            record.headers().get("ce_type"), topic).isEqualTo("/orderwatch/" + Topics.WRITERS.get(topic));
                }
            }
        }
        // registered, served and varied; the breach and the missed session; ten alerts raised (and their deliveries)
        assertThat(ofThisOrder.get(Topics.ORDERS)).as("records swept: %s", read).isGreaterThanOrEqualTo(3);
        assertThat(ofThisOrder.get(Topics.COMPLIANCE)).as("records swept: %s", read).isGreaterThanOrEqualTo(2);
        assertThat(ofThisOrder.get(Topics.ALERTS)).as("records swept: %s", read).isGreaterThanOrEqualTo(ALERTS);
    }

    void assertNoLogHoldsTheVictimsDetails() throws IOException {
        for (ServiceName service : ServiceName.values()) {
            Path log = stack().service(service).logFile();
            assertThat(Files.exists(log)).isTrue();
            assertThat(Files.readString(log)).as(log.toString()).doesNotContain(SENTINEL_ADDRESS, SENTINEL_PHONE);
        }
    }
}
