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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker + controller node) running in this JVM.
 * Its log directory is formatted once with a cluster id kept beside it, so a restart on the same directory keeps
 * every topic and record. Never start two brokers on one directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID_FILE = "orderwatch-cluster.id";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker listening on {@code port} (0: any free port) that keeps its data in {@code dataDir}. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(dataDir, port == 0 ? Ports.free() : port,
                controllerPort == 0 ? Ports.free() : controllerPort);
        broker.startServer();
        return broker;
    }

    /** Starts a broker on free ports with a fresh temporary data directory (for tests). */
    public static KafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("orderwatch-kafka"), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() {
        try {
            Path logDir = dataDir.resolve("kraft-logs");
            Files.createDirectories(logDir);
            Properties props = config(logDir);
            format(props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReady();
            log.info("Kafka broker (KRaft) ready on {}", bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties config(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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

    private void format(Properties props) throws IOException {
        Path configFile = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            props.store(out, "orderwatch in-process KRaft broker");
        }
        String clusterId = clusterId();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(),
                "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
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

    public Admin admin() {
        return admin(bootstrapServers());
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
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
