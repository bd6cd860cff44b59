package uk.orderwatch.faults;

import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.infra.TcpProxy;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackConfig;
import uk.orderwatch.schemas.Topics;

/**
 * The fault-injection suite: the real services as processes against the in-process broker and Mongo server, a stream
 * of orders, breach reports and missed sessions, and one fault at a time. For each scenario it counts what users had
 * accepted, which alerts that called for, and what reached the recipients' mail server and webhook receivers.
 */
public final class FaultSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);
    /** Who a breach report and a missed session alert (officer in charge, practitioner, caseworker)... */
    static final List<String> REPORT_RECIPIENTS = List.of("demo-oic", "demo-practitioner", "demo-caseworker");
    private static final Duration LEAD = Duration.ofSeconds(4);
    private static final Duration TAIL = Duration.ofSeconds(4);

    /**
     * @param reportsPerScenario breach reports plus missed sessions per scenario (two per order)
     * @param casesPerSecond     the pace orders with their two reports are started at, at most
     * @param settleTimeout      how long after the stream every expected alert may take to arrive
     * @param instances          how many processes of each service run (behind the local stack's entry points)
     */
    public record Settings(int reportsPerScenario, double casesPerSecond, Duration settleTimeout, int instances) {
    }

    /**
     * The services' settings for the suite: retries and claims shortened so a run takes minutes, not hours; and
     * acknowledgement deadlines longer than a run, because nobody acknowledges here: the suite counts deliveries, and
     * a long run's first alerts escalating midway would flood the channels of a later scenario (escalation is tested
     * in notification's own tests).
     */
    static final Map<String, String> SERVICE_ENV = Map.of(
            "ORDERWATCH_DELIVERY_RETRY_AFTER", "2s",
            "ORDERWATCH_DELIVERY_CLAIM_FOR", "10s",
            "ORDERWATCH_CHANNELS_BREAKER_OPEN_FOR", "5s",
            "ORDERWATCH_IDEMPOTENCY_LEASE", "10s",
            "ORDERWATCH_ACKNOWLEDGE_WITHIN_HIGH", "24h",
            "ORDERWATCH_ACKNOWLEDGE_WITHIN_MEDIUM", "24h");

    private final Settings settings;
    private final LocalStack stack;
    private final Receipts receipts;
    private final WebhookReceiver webhooks;
    private final TcpProxy webhookProxy;
    private final Driver driver;
    private final MongoClient mongo;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService users = Executors.newFixedThreadPool(64);
    private final ScheduledExecutorService mailScanner = Executors.newSingleThreadScheduledExecutor();
    private final LiveStreams streams;
    private final Path crashPoints;

    private FaultSuite(Settings settings, LocalStack stack, Path crashPoints) {
        this.crashPoints = crashPoints;
        this.settings = settings;
        this.stack = stack;
        this.receipts = new Receipts(stack.mail());
        this.webhooks = new WebhookReceiver(receipts);
        this.webhookProxy = TcpProxy.start("webhook", "localhost", webhooks.port());
        this.driver = new Driver(stack, Duration.ofSeconds(90));
        this.mongo = MongoClients.create(stack.mongoUri("admin"));
        // the suite sends poison and replays as the broker's administrator, who may write every topic
        Map<String, Object> producerSettings = stack.kafkaAdminProperties();
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
        mailScanner.scheduleWithFixedDelay(receipts::scanMail, 200, 200, TimeUnit.MILLISECONDS);
        var tokens = new uk.orderwatch.localstack.StackTokens(stack.config().issuer());
        this.streams = new LiveStreams(stack.config().baseUrl(ServiceName.NOTIFICATION), Map.of(
                DemoData.OIC, "demo-oic", DemoData.PRACTITIONER, "demo-practitioner",
                DemoData.CASEWORKER, "demo-caseworker"), tokens::token);
    }

    /** Starts the stack (services as processes, Mongo and SMTP behind proxies) and gives the agencies webhooks. */
    public static FaultSuite start(Path dataDir, Path repoRoot, String version, Settings settings) {
        var config = StackConfig.ephemeral(dataDir, StackConfig.builtJars(repoRoot, version))
                .withInstances(settings.instances());
        Path crashPoints = dataDir.resolve("crash-points");
        var stack = new LocalStack(config).withFaultProxies().withoutPortal()
                .withServiceEnv(LocalStack.UNLIMITED_RATES).withServiceEnv(SERVICE_ENV)
                .withServiceEnv(Map.of("ORDERWATCH_CRASH_POINTS_FILE", crashPoints.toString())).start();
        try {
            var suite = new FaultSuite(settings, stack, crashPoints);
            suite.giveAgenciesWebhooks();
            return suite;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Arms a crash point of a running service (ADR 11): it halts the first time it passes {@code point}, within 50 ms
     * of this call, with no restart to arm it.
     */
    void armCrashPoint(ServiceName service, String point) {
        try {
            Files.writeString(crashPoints, service.id() + " " + point + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Disarms every crash point, before a halted service is started again. */
    void disarmCrashPoints() {
        try {
            Files.deleteIfExists(crashPoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each demo agency's case system takes webhooks, the fallback when an email cannot be sent. */
    private void giveAgenciesWebhooks() {
        try {
            for (ObjectNode agency : DemoData.agencies()) {
                String id = agency.get("agencyId").asString();
                ObjectNode body = agency.deepCopy().without("agencyId");
                body.putObject("webhook").put("url", "http://localhost:" + webhookProxy.port() + "/hooks/" + id)
                        .put("secret", "fault-suite-webhook-secret-" + id);
                driver.recordAgency(id, body);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not give the demo agencies webhooks", e);
        }
    }

    LocalStack stack() {
        return stack;
    }

    TcpProxy webhookProxy() {
        return webhookProxy;
    }

    KafkaProducer<String, String> producer() {
        return producer;
    }

    /**
     * Who the next step of the demo agency's escalation policy (demo/duty.json) reaches at {@code at} after
     * {@code from} did not take an alert of {@code priority} on: whoever its rota has on duty then (asked of the
     * stack), passed over when that is {@code from}, else the fallback.
     */
    String nextOnDuty(String agencyId, String priority, String from, Instant at) throws Exception {
        var policies = DemoData.duty().get(agencyId).get("policies");
        var steps = policies.get("HIGH".equals(priority) && policies.has("highPriority") ? "highPriority" : "policy")
                .get("steps");
        String fallback = DemoData.agencies().stream().filter(a -> a.get("agencyId").asString().equals(agencyId))
                .findFirst().orElseThrow().get("fallbackPersonId").asString();
        for (int i = 1; i < steps.size(); i++) {
            var step = steps.get(i);
            String who = switch (step.get("who").asString()) {
                case "ON_DUTY" -> {
                    var response = driver.get(DemoData.ADMIN, ServiceName.NOTIFICATION, "/directory/agencies/"
                            + agencyId + "/duty/rotas/" + step.get("rotaId").asString() + "/on-duty?at=" + at);
                    yield response.statusCode() == 200
                            ? DemoData.JSON.readTree(response.body()).get("personId").asString() : null;
                }
                case "PERSON" -> step.get("personId").asString();
                case "GROUP" -> step.get("personIds").get(0).asString();
                case "FALLBACK" -> fallback;
                default -> from;
            };
            if (who != null && (!who.equals(from) || i == steps.size() - 1)) {
                return who;
            }
        }
        return fallback;
    }

    MongoClient mongo() {
        return mongo;
    }

    /** Runs the scenarios in turn, each with its own orders. */
    List<Result> runAll(List<Scenario> scenarios) {
        List<Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            results.add(run(s));
        }
        return results;
    }

    // --- one scenario ---------------------------------------------------------------------------------------------

    /** One order and its two reports, as the stream made them; {@code startedAt}: when the user began. */
    record Case(Instant startedAt, String orderId, Driver.Outcome breach, Driver.Outcome miss) {
    }

    /** A scenario's run: its cases and when the fault started and ended. */
    record Run(List<Case> cases, Instant faultAt, Instant healedAt) {
        long acceptedDuringFault() {
            return cases.stream().flatMap(c -> java.util.stream.Stream.of(c.breach(), c.miss()))
                    .filter(o -> o != null && o.accepted() && !o.acceptedAt().isBefore(faultAt)
                            && o.acceptedAt().isBefore(healedAt)).count();
        }
    }

    Result run(Scenario scenario) {
        log.info("=== {} ===", scenario.name);
        int cases = Math.max(1, settings.reportsPerScenario() / 2);
        long deadLettersBefore = deadLetterCount();
        List<String> preRegistered = scenario.preRegister() ? registerAll(cases) : null;
        Duration window = LEAD.plus(scenario.hold()).plus(TAIL);
        long streamMillis = Math.max(window.toMillis(), (long) (cases / settings.casesPerSecond() * 1000));
        long interval = streamMillis / cases;
        Instant start = Instant.now();
        List<Future<Case>> futures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            final int n = i;
            String orderId = preRegistered == null ? null : preRegistered.get(i);
            long due = start.toEpochMilli() + n * interval;
            futures.add(users.submit(() -> {
                sleepUntil(due);
                return runCase(orderId, n);
            }));
        }
        sleepUntil(start.plus(LEAD).toEpochMilli());
        Instant faultAt = Instant.now();
        Instant healedAt;
        try {
            scenario.inject(this);
            Thread.sleep(scenario.hold().toMillis());
            scenario.heal(this);
            healedAt = Instant.now();
        } catch (Exception e) {
            throw new IllegalStateException(scenario.name + ": the fault could not be injected", e);
        }
        List<Case> done = new ArrayList<>();
        for (Future<Case> f : futures) {
            try {
                done.add(f.get(5, TimeUnit.MINUTES));
            } catch (Exception e) {
                throw new IllegalStateException(scenario.name + ": a user's requests did not finish", e);
            }
        }
        var run = new Run(done, faultAt, healedAt);
        List<String> failures = new ArrayList<>();
        if (!settle(run)) {
            failures.add("still delivering or publishing a minute after every expected alert had arrived");
        }
        List<String> notes = new ArrayList<>();
        checkLiveStreams(run, failures, notes);
        try {
            scenario.verify(this, run, failures, notes);
        } catch (Exception e) {
            failures.add("checks failed to run: " + e);
        }
        Ledger ledger = ledger(run); // after the scenario's own checks (a replay may have added something)
        long deadLettered = deadLetterCount() - deadLettersBefore;
        if (deadLettered != scenario.expectedDeadLetters()) {
            failures.add(deadLettered + " records dead-lettered, expected " + scenario.expectedDeadLetters());
        }
        if (ledger.resent() > 0 && !scenario.mayResend()) {
            failures.add(ledger.resent() + " alerts sent again although nothing crashed mid-send");
        } else if (ledger.resent() > 0) {
            notes.add(ledger.resent() + " alerts sent again with the same Message-ID / webhook-id: the fault struck "
                    + "between a send and its recording");
        }
        var result = Result.of(scenario.name, run, ledger, deadLettered, failures, notes);
        log.info("{}", result);
        return result;
    }

    private List<String> registerAll(int cases) {
        List<Future<String>> orders = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            orders.add(users.submit(() -> {
                String id = driver.register();
                awaitKnownToBreachReport(id);
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : orders) {
            try {
                ids.add(f.get(3, TimeUnit.MINUTES));
            } catch (Exception e) {
                throw new IllegalStateException("orders could not be registered before the fault", e);
            }
        }
        return ids;
    }

    private void awaitKnownToBreachReport(String orderId) throws Exception {
        if (orderId == null) {
            throw new IllegalStateException("an order was not registered");
        }
        await("breach-report learns of order " + orderId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> driver.get(ServiceName.BREACH_REPORT, "/orders/" + orderId + "/compliance")
                        .statusCode() == 200);
    }

    private Case runCase(String preRegistered, int n) {
        Instant started = Instant.now();
        String orderId = preRegistered != null ? preRegistered : driver.register();
        if (orderId == null) {
            return new Case(started, null, null, null);
        }
        Instant now = Instant.now();
        var breach = driver.reportBreach(orderId, now.minusSeconds(600));
        var miss = driver.recordMiss(orderId, now.minusSeconds(7200 + n));
        return new Case(started, orderId, breach, miss);
    }

    /**
     * Waits until every alert the accepted reports call for has reached its recipient (one still undelivered when
     * the time is up must at least have been escalated: the ledger counts it), then until the system is quiet, so
     * that anything sent twice has arrived before the count; answers whether it became quiet.
     */
    private boolean settle(Run run) {
        try {
            await().atMost(settings.settleTimeout()).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ledger(run).undelivered() == 0);
        } catch (ConditionTimeoutException e) {
            log.warn("Not every alert was delivered within {}; the count says which", settings.settleTimeout());
        }
        try {
            awaitQuiet(Duration.ofSeconds(60));
            return true;
        } catch (ConditionTimeoutException e) {
            log.warn("The system was not quiet within 60 s; counting as it is");
            return false;
        }
    }

    /**
     * Waits until nothing is left in flight: every consumer group has taken in every record, no outbox holds an
     * unsent event and no alert is being delivered or due for delivery now. After that nothing more can reach a
     * recipient without a new cause, so a count taken then is final.
     */
    void awaitQuiet(Duration timeout) throws ConditionTimeoutException {
        awaitConsumersCaughtUp(timeout);
        var alerts = mongo.getDatabase("orderwatch-notification").getCollection("alerts");
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            Date now = new Date();
            return alerts.countDocuments(or(exists("outbox.0"), gt("deliveryClaimedUntil", now),
                    lte("deliveryDueAt", now))) == 0;
        });
        receipts.scanMail();
    }

    /**
     * Counts the run. The alerts are read by when they were raised, with only the fields the count needs: the
     * Mongo server holds a collection's lock while it answers, and a query by hundreds of order ids over the whole
     * collection once a second held up notification itself.
     */
    Ledger ledger(Run run) {
        receipts.scanMail();
        java.util.Set<String> orderIds = new java.util.HashSet<>(run.cases().stream().map(Case::orderId)
                .filter(java.util.Objects::nonNull).toList());
        Instant since = run.cases().stream().map(Case::startedAt).min(Instant::compareTo).orElse(run.faultAt())
                .minusSeconds(5);
        List<Document> alerts = new ArrayList<>();
        mongo.getDatabase("orderwatch-notification").getCollection("alerts").find(gte("raisedAt", since))
                .projection(new Document("orderId", 1).append("sourceEventType", 1).append("recipient.personId", 1)
                        .append("escalationLevel", 1).append("failureReported", 1).append("escalatedToAlertId", 1))
                .forEach(a -> {
                    if (orderIds.contains(a.getString("orderId"))) {
                        alerts.add(a);
                    }
                });
        return Ledger.of(run, alerts, receipts);
    }

    /**
     * Every alert the run's reports raised for the three people whose live streams the suite holds open was shown
     * on their stream, whichever instance raised it and whatever the fault did to the connection meanwhile.
     */
    private void checkLiveStreams(Run run, List<String> failures, List<String> notes) {
        java.util.Set<String> orderIds = new java.util.HashSet<>(run.cases().stream().map(Case::orderId)
                .filter(java.util.Objects::nonNull).toList());
        Instant since = run.cases().stream().map(Case::startedAt).min(Instant::compareTo).orElse(run.faultAt())
                .minusSeconds(5);
        Map<String, String> alerts = new HashMap<>(); // alert id -> recipient
        mongo.getDatabase("orderwatch-notification").getCollection("alerts").find(gte("raisedAt", since))
                .projection(new Document("orderId", 1).append("recipient.personId", 1).append("escalationLevel", 1))
                .forEach(a -> {
                    String person = a.get("recipient", Document.class).getString("personId");
                    if (orderIds.contains(a.getString("orderId")) && REPORT_RECIPIENTS.contains(person)
                            && a.getInteger("escalationLevel", 0) == 0) {
                        alerts.put(a.getString("_id"), person);
                    }
                });
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> alerts.entrySet()
                    .stream().allMatch(e -> streams.shown(e.getValue(), e.getKey())));
            notes.add("every one of " + alerts.size() + " alerts shown on its recipient's live stream ("
                    + streams.reconnects() + " reconnections so far)");
        } catch (ConditionTimeoutException e) {
            var missing = alerts.entrySet().stream().filter(a -> !streams.shown(a.getValue(), a.getKey())).toList();
            failures.add(missing.size() + " of " + alerts.size() + " alerts never shown on their recipient's live "
                    + "stream, e.g. " + missing.stream().limit(3).toList());
        }
    }

    /** Records on all dead-letter topics so far. */
    private long deadLetterCount() {
        try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var topics = Topics.SUBSCRIPTIONS.stream().map(s -> Topics.deadLetter(s[0], s[1])).toList();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not count dead letters", e);
        }
    }

    /** Waits until every consumer group has taken in every record on its topics. */
    void awaitConsumersCaughtUp(Duration timeout) {
        try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> lag(admin) == 0);
        }
    }

    private static long lag(Admin admin) throws Exception {
        long lag = 0;
        for (String[] s : Topics.SUBSCRIPTIONS) {
            var committed = admin.listConsumerGroupOffsets(s[1]).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(tp -> tp.topic().equals(s[0]))
                    .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (var e : ends.entrySet()) {
                var at = committed.get(e.getKey());
                lag += e.getValue().offset() - (at == null ? 0 : at.offset());
            }
        }
        return lag;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    @Override
    public void close() {
        users.shutdownNow();
        mailScanner.shutdownNow();
        streams.close();
        producer.close(Duration.ofSeconds(5));
        mongo.close();
        webhookProxy.close();
        webhooks.close();
        stack.close();
    }
}
