package uk.orderwatch.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where and how the local stack runs.
 *
 * @param dataDir       Kafka's log directory, the Mongo data file and the service logs live here
 * @param persistent    keep Mongo data in a file (the local stack) or in memory (tests)
 * @param jars          the packaged service jars to run as processes
 * @param externalKafka bootstrap servers of a Kafka cluster to use instead of the in-process broker, or null
 * @param externalMongo connection string (without database) of a MongoDB to use instead of the wire server, or null
 * @param instances     how many processes of each orderwatch service and of the portal; with more than one, each
 *                      service's port is a round-robin entry point to its instances ({@link #instancePorts})
 */
public record StackConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
                          int pop3Port, Map<ServiceName, Integer> ports, Map<ServiceName, Path> jars,
                          boolean persistent, boolean seedDemoData, String externalKafka, String externalMongo,
                          int instances) {

    public StackConfig {
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("--instances must be 1 to 9, not " + instances);
        }
    }

    /** Free ports, Mongo in memory, demo data seeded: for tests. */
    public static StackConfig ephemeral(Path dataDir, Map<ServiceName, Path> jars) {
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            ports.put(s, uk.orderwatch.infra.Ports.free());
        }
        return new StackConfig(dataDir, uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(),
                uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(),
                ports, jars, false, true, null, null, 1);
    }

    /** The same stack against an existing Kafka cluster and MongoDB (e.g. containers). */
    public StackConfig withExternal(String kafkaBootstrap, String mongoConnectionString) {
        return new StackConfig(dataDir, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, pop3Port, ports, jars,
                persistent, seedDemoData, kafkaBootstrap, mongoConnectionString, instances);
    }

    /** The same stack with {@code n} instances of each orderwatch service and of the portal. */
    public StackConfig withInstances(int n) {
        return new StackConfig(dataDir, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, pop3Port, ports, jars,
                persistent, seedDemoData, externalKafka, externalMongo, n);
    }

    /** Whether {@code service} runs as {@link #instances} processes behind an entry point (not the identity server). */
    public boolean scaled(ServiceName service) {
        return instances > 1 && service != ServiceName.IDENTITY_SERVER;
    }

    /**
     * The ports {@code service}'s processes listen on: its own port with one instance; otherwise a range of its own
     * above it, the port plus 100, 200, ... (8081: 8181, 8281), while the port itself is the entry point.
     */
    public List<Integer> instancePorts(ServiceName service) {
        int port = ports.get(service);
        if (!scaled(service)) {
            return List.of(port);
        }
        List<Integer> instancePorts = new java.util.ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            instancePorts.add(port + 100 * i);
        }
        return List.copyOf(instancePorts);
    }

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_POP3_PORT = 3110;

    /** The jars built by {@code ./mvnw package} in the repository at {@code repoRoot}. */
    public static Map<ServiceName, Path> builtJars(Path repoRoot, String version) {
        Map<ServiceName, Path> jars = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            jars.put(s, repoRoot.resolve(s.module()).resolve("target")
                    .resolve(s.id() + "-" + version + "-exec.jar"));
        }
        return jars;
    }

    public String kafkaBootstrap() {
        return externalKafka != null ? externalKafka : "localhost:" + kafkaPort;
    }

    /** The issuer of the stack's tokens: the identity server, as users reach it. */
    public String issuer() {
        return baseUrl(ServiceName.IDENTITY_SERVER);
    }

    public String baseUrl(ServiceName service) {
        return "http://localhost:" + ports.get(service);
    }
}
