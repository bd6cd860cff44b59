package uk.orderwatch.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.orderwatch.infra.KafkaBroker;
import uk.orderwatch.infra.KafkaCredentials;
import uk.orderwatch.infra.MongoWireServer;
import uk.orderwatch.infra.Ports;
import uk.orderwatch.infra.TcpProxy;
import uk.orderwatch.schemas.Topics;

/**
 * The whole system on one machine: a real Kafka broker (KRaft) and a Mongo wire server in this JVM, the topics, the
 * three services as separate processes, each with its own database, and the portal and identity server they sign
 * users in with. Used by the run command and by the
 * end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final int PARTITIONS = 3;
    /**
     * Service settings lifting the rate limits (writes, reads, public writes), for load generators acting as a handful
     * of demo users.
     */
    public static final Map<String, String> UNLIMITED_RATES = Map.of(
            "ORDERWATCH_RATE_LIMIT_WRITE_BURST", "1000000",
            "ORDERWATCH_RATE_LIMIT_WRITES_PER_SECOND", "1000000",
            "ORDERWATCH_RATE_LIMIT_READ_BURST", "1000000",
            "ORDERWATCH_RATE_LIMIT_READS_PER_SECOND", "1000000",
            "ORDERWATCH_RATE_LIMIT_ANONYMOUS_BURST", "1000000",
            "ORDERWATCH_RATE_LIMIT_ANONYMOUS_WRITES_PER_SECOND", "1000000");

    private final StackConfig config;
    /** The processes of each service, by instance (one, or {@link StackConfig#instances}). */
    private final Map<ServiceName, List<ServiceProcess>> services = new EnumMap<>(ServiceName.class);
    /** The round-robin entry point of each service that runs as several instances, on the service's port. */
    private final Map<ServiceName, TcpProxy> entries = new EnumMap<>(ServiceName.class);
    private KafkaBroker kafka;
    private final Map<String, KafkaCredentials> kafkaServices = new java.util.LinkedHashMap<>();
    private MongoWireServer mongo;
    private GreenMail mail;
    private boolean faultProxies;
    private boolean mailProxy;
    private TcpProxy mongoProxy;
    private TcpProxy smtpProxy;
    private final Map<String, String> serviceEnv = new java.util.HashMap<>();
    private boolean portal = true;
    /** Asks the service processes to stop if this JVM ends without closing the stack (Ctrl-C on a tool using it). */
    private final Thread orphanGuard = new Thread(() -> processes().forEach(ServiceProcess::signalStop),
            "local-stack-orphan-guard");

    public LocalStack(StackConfig config) {
        this.config = config;
    }

    /**
     * Puts a {@link TcpProxy} between the services and Mongo, and between the services and the mail server, so a
     * test can cut them off ({@link #mongoProxy()}, {@link #smtpProxy()}). Call before {@link #start()}.
     */
    public LocalStack withFaultProxies() {
        this.faultProxies = true;
        return this;
    }

    /**
     * Puts a {@link TcpProxy} between the services and the mail server only, so the benchmark can count the SMTP
     * connections they open ({@link #smtpProxy()}). Call before {@link #start()}.
     */
    public LocalStack withMailProxy() {
        this.mailProxy = true;
        return this;
    }

    /**
     * Runs no portal: the fault suite drives the services' APIs and live streams itself, and on two cores each
     * process fewer starts the rest sooner. Call before {@link #start()}.
     */
    public LocalStack withoutPortal() {
        this.portal = false;
        return this;
    }

    /** Extra environment for the three services (e.g. {@code ORDERWATCH_DELIVERY_RETRY_AFTER}). Before start. */
    public LocalStack withServiceEnv(Map<String, String> env) {
        serviceEnv.putAll(env);
        return this;
    }

    /** Starts everything and waits until every service is healthy; stops what it started if anything fails. */
    public LocalStack start() {
        checkPorts();
        Runtime.getRuntime().addShutdownHook(orphanGuard);
        try {
            if (config.externalKafka() != null) {
                throw new IllegalStateException("the services sign in to Kafka with SASL/SCRAM and the broker's ACLs "
                        + "decide what each may do; the local stack sets that up on its own broker only");
            }
            kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(),
                    config.kafkaControllerPort(), kafkaAdmin());
            KafkaBroker.createTopics(config.kafkaBootstrap(), Topics.allTopics(), PARTITIONS);
            // each service signs in as itself, with a password made for this start, and may write only its own
            // topics and read only what it consumes
            for (String service : Topics.SERVICES) {
                kafkaServices.put(service, new KafkaCredentials(service, UUID.randomUUID().toString()));
            }
            kafka.services(kafkaServices.values(), Topics::writtenBy, Topics::readBy);
            log.info("Kafka ready on {} with topics {}", config.kafkaBootstrap(), Topics.allTopics());
            if (config.externalMongo() == null) {
                mongo = config.persistent()
                        ? MongoWireServer.persistent(config.dataDir().resolve("mongo").resolve("orderwatch.mv"),
                        config.mongoPort())
                        : MongoWireServer.inMemory(config.mongoPort());
                log.info("Mongo wire server ready on port {}", mongo.port());
            }
            mail = new GreenMail(new ServerSetup[] {new ServerSetup(config.smtpPort(), "localhost", "smtp"),
                    new ServerSetup(config.pop3Port(), "localhost", "pop3")})
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
            log.info("Demo mail server ready: SMTP on port {}, POP3 on port {}", config.smtpPort(), config.pop3Port());
            if (faultProxies) {
                if (mongo == null) {
                    throw new IllegalStateException("fault proxies need the in-process Mongo server");
                }
                mongoProxy = TcpProxy.start("mongo", "localhost", mongo.port());
            }
            if (faultProxies || mailProxy) {
                smtpProxy = TcpProxy.start("smtp", "localhost", config.smtpPort());
            }
            ClassDataSharing.prepare(config.jars().values());
            for (ServiceName name : ServiceName.values()) {
                if (name == ServiceName.PORTAL && !portal) {
                    continue;
                }
                for (int i = 0; i < config.instancePorts(name).size(); i++) {
                    startService(name, i);
                }
                if (config.scaled(name)) {
                    entries.put(name, TcpProxy.roundRobin(name.id(), config.ports().get(name), "localhost",
                            config.instancePorts(name)));
                }
            }
            List<CompletableFuture<Void>> health = new ArrayList<>();
            processes().forEach(s -> health.add(CompletableFuture.runAsync(
                    () -> s.awaitHealthy(Duration.ofSeconds(120)))));
            CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
            if (config.seedDemoData()) {
                seedDemoData();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkPorts() {
        if (config.externalKafka() == null) {
            Ports.requireFree(config.kafkaPort(), "Kafka broker", "--kafka-port");
            Ports.requireFree(config.kafkaControllerPort(), "Kafka controller", "--kafka-controller-port");
        }
        if (config.externalMongo() == null) {
            Ports.requireFree(config.mongoPort(), "Mongo server", "--mongo-port");
        }
        Ports.requireFree(config.smtpPort(), "demo SMTP server", "--smtp-port");
        Ports.requireFree(config.pop3Port(), "demo POP3 server", "--pop3-port");
        for (ServiceName s : ServiceName.values()) {
            Ports.requireFree(config.ports().get(s), s.id(), s.portOption());
            if (config.scaled(s)) {
                for (int port : config.instancePorts(s)) {
                    Ports.requireFree(port, s.id() + " instance", s.portOption() + " (its instances listen 100, "
                            + "200, ... above it)");
                }
            }
        }
    }

    /** Every service process, of every instance. */
    private List<ServiceProcess> processes() {
        return services.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull).toList();
    }

    /** Starts instance {@code instance} of a service on its port, replacing its process if it had one. */
    private void startService(ServiceName name, int instance) {
        Map<String, String> env = new java.util.HashMap<>();
        // the local stack is a demo: its settings (application-demo.yml) are never a deployment's
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("ORDERWATCH_ISSUER", config.issuer());
        // where alert emails link to, and where the identity server sends users back after signing in or out
        env.put("ORDERWATCH_PORTAL_URL", config.baseUrl(ServiceName.PORTAL));
        if (name == ServiceName.PORTAL) {
            env.put("ORDER_REGISTRY_URL", config.baseUrl(ServiceName.ORDER_REGISTRY));
            env.put("BREACH_REPORT_URL", config.baseUrl(ServiceName.BREACH_REPORT));
            env.put("NOTIFICATION_URL", config.baseUrl(ServiceName.NOTIFICATION));
            // its users' sessions, shared by its instances
            env.put("MONGODB_URI", mongoUri("orderwatch-portal"));
            env.put("MONGO_HEALTH_ENABLED", String.valueOf(mongo == null));
        } else if (name != ServiceName.IDENTITY_SERVER) {
            String database = "orderwatch-" + name.id();
            env.put("MONGODB_URI", mongoProxy != null ? mongoUri("mongodb://localhost:" + mongoProxy.port(), database)
                    : mongoUri(database));
            env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
            env.put("KAFKA_USERNAME", kafkaServices.get(name.id()).username());
            env.put("KAFKA_PASSWORD", kafkaServices.get(name.id()).password());
            env.put("MAIL_HOST", "localhost");
            env.put("MAIL_PORT", String.valueOf(smtpProxy != null ? smtpProxy.port() : config.smtpPort()));
            // the Mongo wire server does not answer the driver's 'hello' health command; a real MongoDB does
            env.put("MONGO_HEALTH_ENABLED", String.valueOf(mongo == null));
            env.putAll(serviceEnv);
        }
        int port = config.instancePorts(name).get(instance);
        String logName = name.id() + (config.scaled(name) ? "-" + (instance + 1) : "") + ".log";
        var process = new ServiceProcess(name, config.jars().get(name), port, env,
                config.dataDir().resolve("logs").resolve(logName));
        process.start();
        var instances = services.computeIfAbsent(name, n -> new ArrayList<>(java.util.Collections.nCopies(
                config.instancePorts(n).size(), null)));
        instances.set(instance, process);
        log.info("Started {} (pid {}) on port {}", name.id(), process.pid(), port);
    }

    /**
     * Records the demo agencies, their people and their duty arrangements in notification's directory (idempotent),
     * signed in as the demo administrators.
     */
    private void seedDemoData() {
        HttpClient http = HttpClient.newHttpClient();
        var tokens = new StackTokens(config.issuer());
        new DemoDirectory(config.baseUrl(ServiceName.NOTIFICATION), tokens::token).recordDemoAgencies();
        try {
            awaitKnownToOrderRegistry(http, DemoData.agencies().stream().map(a -> a.get("agencyId").asString())
                    .toList(), "Bearer " + tokens.token(DemoData.ADMIN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code mongodb://host:port/?options} with {@code database} put in its path. */
    static String mongoUri(String connectionString, String database) {
        int query = connectionString.indexOf('?');
        String base = query < 0 ? connectionString : connectionString.substring(0, query);
        String options = query < 0 ? "" : connectionString.substring(query);
        int hosts = base.indexOf("//") + 2;
        int slash = base.indexOf('/', hosts);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + options;
    }

    /** The directory reaches order-registry as events: wait until it knows every seeded agency. */
    private void awaitKnownToOrderRegistry(HttpClient http, List<String> agencyIds, String token)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : agencyIds) {
            var request = HttpRequest.newBuilder(URI.create(config.baseUrl(ServiceName.ORDER_REGISTRY)
                    + "/known-agencies/" + id)).header("Authorization", token).build();
            while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order-registry did not learn of agency " + id + " in time");
                }
                Thread.sleep(100);
            }
        }
    }

    /** Kills a service (its first instance) with SIGKILL, as a crash would. */
    public void kill(ServiceName name) {
        kill(name, 0);
    }

    /** Kills one instance of a service with SIGKILL, as a crash would; the others go on. */
    public void kill(ServiceName name, int instance) {
        services.get(name).get(instance).kill();
        log.info("Killed {} instance {}", name.id(), instance + 1);
    }

    /** Starts a service (its first instance) that was stopped or killed, and waits until it is healthy. */
    public void restart(ServiceName name) {
        restart(name, 0);
    }

    /** Starts one instance of a service that was stopped or killed, and waits until it is healthy. */
    public void restart(ServiceName name, int instance) {
        services.get(name).get(instance).stop();
        startService(name, instance);
        services.get(name).get(instance).awaitHealthy(Duration.ofSeconds(120));
    }

    /** How many instances each orderwatch service runs as. */
    public int instances() {
        return config.instances();
    }

    /** The proxy between the services and Mongo ({@link #withFaultProxies()} only). */
    public TcpProxy mongoProxy() {
        return mongoProxy;
    }

    /** The proxy between the services and the mail server ({@link #withFaultProxies()} only). */
    public TcpProxy smtpProxy() {
        return smtpProxy;
    }

    /**
     * The broker's administrator, whose password is made on the first start and kept in the data directory (the
     * broker formats its log directory with it once): tools and tests read every topic as this principal.
     */
    private KafkaCredentials kafkaAdmin() {
        Path file = config.dataDir().resolve("kafka-admin.secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, UUID.randomUUID().toString());
            }
            return new KafkaCredentials("admin", Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kafka principal a service signs in as (for a test that it may do only what its ACLs allow). */
    public KafkaCredentials kafkaCredentials(ServiceName service) {
        return kafkaServices.get(service.id());
    }

    /** The administrator's client settings for this stack's broker (tools, kcat: see the start banner). */
    public Map<String, Object> kafkaAdminProperties() {
        return KafkaBroker.clientProperties(config.kafkaBootstrap());
    }

    /** A service's process (its first instance). */
    public ServiceProcess service(ServiceName name) {
        return services.get(name).get(0);
    }

    /** Every process of a service, one per instance. */
    public List<ServiceProcess> serviceInstances(ServiceName name) {
        return List.copyOf(services.get(name));
    }

    /** The connection string of a service's database, e.g. {@code orderwatch-notification}. */
    public String mongoUri(String database) {
        return mongo != null ? mongo.uri(database) : mongoUri(config.externalMongo(), database);
    }

    /** The demo mail server every alert email goes to. */
    public GreenMail mail() {
        return mail;
    }

    /** The in-process broker, or null when the stack uses an external Kafka. */
    /** The in-process Mongo wire server; null when the stack uses an external MongoDB. */
    public MongoWireServer mongo() {
        return mongo;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public StackConfig config() {
        return config;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** Stops the services (gracefully), then the Mongo server and the broker; data stays for the next start. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down, or the stack never started
        }
        // every process told at once, then each waited for: they stop side by side, however few threads there are
        processes().forEach(ServiceProcess::signalStop);
        processes().forEach(ServiceProcess::stop);
        entries.values().forEach(TcpProxy::close);
        entries.clear();
        for (TcpProxy proxy : new TcpProxy[] {mongoProxy, smtpProxy}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
