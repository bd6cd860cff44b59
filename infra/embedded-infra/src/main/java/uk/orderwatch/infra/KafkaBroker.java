package uk.orderwatch.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker + controller node) running in this JVM.
 * Its log directory is formatted once with a cluster id kept beside it, so a restart on the same directory keeps
 * every topic and record. Never start two brokers on one directory.
 *
 * <p>It runs as a deployment's broker does: every client signs in with SASL/SCRAM-SHA-256 (the controller listener,
 * used by the node itself, with SASL/PLAIN), and the standard authorizer allows only what an ACL grants
 * ({@link #allow}); the administrator given at start is the one super user. Clients in this JVM that need the
 * administrator (tests, the local stack's tools) find its settings with {@link #clientProperties(String)}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID_FILE = "orderwatch-cluster.id";

    /** The administrators of the brokers running in this JVM, by bootstrap address. */
    private static final Map<String, KafkaCredentials> ADMINS = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final KafkaCredentials admin;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port, int controllerPort, KafkaCredentials admin) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.admin = admin;
    }

    /**
     * Starts a broker listening on {@code port} (0: any free port) that keeps its data in {@code dataDir}, with
     * {@code admin} as its super user.
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, KafkaCredentials admin) {
        KafkaBroker broker = new KafkaBroker(dataDir, port == 0 ? Ports.free() : port,
                controllerPort == 0 ? Ports.free() : controllerPort, admin);
        broker.startServer();
        return broker;
    }

    /** Starts a broker on free ports with a fresh temporary data directory and a random administrator (tests). */
    public static KafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("orderwatch-kafka"), 0, 0,
                    new KafkaCredentials("admin", Uuid.randomUuid().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The client settings for the broker at {@code bootstrap}: its address, and, for a broker running in this JVM,
     * its administrator's sign-in.
     */
    public static Map<String, Object> clientProperties(String bootstrap) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        var credentials = ADMINS.get(bootstrap);
        if (credentials != null) {
            props.putAll(credentials.clientProperties());
        }
        return props;
    }

    /** This broker's address with its administrator's sign-in. */
    public Map<String, Object> clientProperties() {
        return clientProperties(bootstrapServers());
    }

    /** Creates or updates the SCRAM credentials of each principal, and waits until the broker knows them. */
    public void users(Collection<KafkaCredentials> users) {
        try (Admin a = admin()) {
            var scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192);
            List<UserScramCredentialAlteration> upserts = users.stream()
                    .<UserScramCredentialAlteration>map(u -> new UserScramCredentialUpsertion(u.username(), scram,
                            u.password())).toList();
            a.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            Set<String> wanted = users.stream().map(KafkaCredentials::username).collect(Collectors.toSet());
            awaitTaken(() -> a.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS).containsAll(wanted),
                    "the users " + wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("recording the Kafka users failed", e);
        }
    }

    /**
     * Records each service's principal and grants it exactly its topics ({@link #allow}), its consumer groups being
     * those whose names start with its own.
     */
    public void services(Collection<KafkaCredentials> services,
                         Function<String, Collection<String>> writes,
                         Function<String, Collection<String>> reads) {
        users(services);
        for (var service : services) {
            allow(service.username(), writes.apply(service.username()), reads.apply(service.username()),
                    service.username());
        }
    }

    /**
     * Grants {@code principal} exactly this: to write (and describe) {@code writes}, to read (and describe)
     * {@code reads}, to read as any consumer group whose name starts with {@code groupPrefix}, and idempotent
     * writes. Everything else it is refused by the authorizer.
     */
    public void allow(String principal, Collection<String> writes, Collection<String> reads, String groupPrefix) {
        String user = "User:" + principal;
        List<AclBinding> acls = new java.util.ArrayList<>();
        for (String topic : writes) {
            acls.add(acl(user, ResourceType.TOPIC, topic, false,
                    AclOperation.WRITE));
            acls.add(acl(user, ResourceType.TOPIC, topic, false,
                    AclOperation.DESCRIBE));
        }
        for (String topic : reads) {
            acls.add(acl(user, ResourceType.TOPIC, topic, false,
                    AclOperation.READ));
            acls.add(acl(user, ResourceType.TOPIC, topic, false,
                    AclOperation.DESCRIBE));
        }
        acls.add(acl(user, ResourceType.GROUP, groupPrefix, true,
                AclOperation.READ));
        acls.add(acl(user, ResourceType.CLUSTER, "kafka-cluster", false,
                AclOperation.IDEMPOTENT_WRITE));
        try (Admin a = admin()) {
            a.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            var filter = new AclBindingFilter(
                    ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(user, null,
                            AclOperation.ANY,
                            AclPermissionType.ANY));
            awaitTaken(() -> a.describeAcls(filter).values().get(30, TimeUnit.SECONDS).containsAll(acls),
                    "the ACLs of " + principal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("granting " + principal + " its topics failed", e);
        }
    }

    /** A change made through the admin client reaches the broker's metadata a moment later: waits for it. */
    private interface Check {
        boolean done() throws Exception;
    }

    private static void awaitTaken(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not take " + what);
            }
            Thread.sleep(50);
        }
    }

    private static AclBinding acl(String user,
                                                             ResourceType type,
                                                             String name, boolean prefixed,
                                                             AclOperation operation) {
        return new AclBinding(new ResourcePattern(type,
                name, prefixed ? PatternType.PREFIXED
                : PatternType.LITERAL),
                new AccessControlEntry(user, "*", operation,
                        AclPermissionType.ALLOW));
    }

    private void startServer() {
        try {
            Path logDir = dataDir.resolve("kraft-logs");
            Files.createDirectories(logDir);
            Properties props = config(logDir);
            format(props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            ADMINS.put(bootstrapServers(), admin);
            awaitReady();
            log.info("Kafka broker (KRaft) ready on {}, every client signing in", bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties config(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        // clients: SCRAM, whose credentials live in the cluster's metadata (the administrator's from formatting);
        // and PLAIN for the administrator alone, its one user configured here, for tools whose SCRAM does not work
        // with Kafka 4 (kcat on librdkafka before 2.6.1)
        p.put("sasl.enabled.mechanisms", KafkaCredentials.MECHANISM + ",PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                admin.jaas(KafkaCredentials.SCRAM_LOGIN));
        p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainAdmin());
        // the controller listener, which only this node uses: PLAIN, known before any metadata is read
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", plainAdmin());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + admin.username());
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    /** PLAIN's one user, the administrator (and the node's own sign-in to its controller). */
    private String plainAdmin() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.username()
                + "\" password=\"" + admin.password() + "\" user_" + admin.username() + "=\"" + admin.password()
                + "\";";
    }

    private void format(Properties props) throws IOException {
        Path configFile = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            props.store(out, "orderwatch in-process KRaft broker");
        }
        String clusterId = clusterId();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(),
                "--ignore-formatted", "--add-scram", KafkaCredentials.MECHANISM + "=[name=" + admin.username()
                + ",password=" + admin.password() + "]"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: " + output);
        }
    }

    /** The cluster id this data directory was formatted with, created once and then reused on every start. */
    private String clusterId() throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready", e);
                    }
                }
            }
        }
    }

    /** An admin client signed in as the broker's administrator. */
    public Admin admin() {
        return admin(bootstrapServers());
    }

    private static Admin admin(String bootstrap) {
        var props = clientProperties(bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(bootstrapServers(), names, partitions);
    }

    /** Creates on the cluster at {@code bootstrap} the topics that do not exist yet (replication factor 1). */
    public static void createTopics(String bootstrap, Collection<String> names, int partitions) {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1)).collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("creating topics " + names + " failed", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker; its data stays in the data directory for the next start. */
    public void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports and data directory, e.g. after {@link #stop()}. */
    public void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }
}
