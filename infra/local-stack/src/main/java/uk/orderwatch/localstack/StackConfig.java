package uk.orderwatch.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where and how the local stack runs.
 *
 * @param dataDir       Kafka's log directory, the Mongo data file and the service logs live here
 * @param persistent    keep Mongo data in a file (the local stack) or in memory (tests)
 * @param jars          the packaged service jars to run as processes
 * @param externalKafka bootstrap servers of a Kafka cluster to use instead of the in-process broker, or null
 * @param externalMongo connection string (without database) of a MongoDB to use instead of the wire server, or null
 */
public record StackConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
                          int pop3Port, Map<ServiceName, Integer> ports, Map<ServiceName, Path> jars,
                          boolean persistent, boolean seedDemoData, String externalKafka, String externalMongo) {

    /** Free ports, Mongo in memory, demo data seeded: for tests. */
    public static StackConfig ephemeral(Path dataDir, Map<ServiceName, Path> jars) {
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            ports.put(s, uk.orderwatch.infra.Ports.free());
        }
        return new StackConfig(dataDir, uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(),
                uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(), uk.orderwatch.infra.Ports.free(),
                ports, jars, false, true, null, null);
    }

    /** The same stack against an existing Kafka cluster and MongoDB (e.g. containers). */
    public StackConfig withExternal(String kafkaBootstrap, String mongoConnectionString) {
        return new StackConfig(dataDir, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, pop3Port, ports, jars,
                persistent, seedDemoData, kafkaBootstrap, mongoConnectionString);
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
