package uk.orderwatch.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where and how the local stack runs.
 *
 * @param dataDir   Kafka's log directory, the Mongo data file and the service logs live here
 * @param persistent keep Mongo data in a file (the local stack) or in memory (tests)
 * @param jars      the packaged service jars to run as processes
 */
public record StackConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                          Map<ServiceName, Integer> ports, Map<ServiceName, Path> jars, boolean persistent,
                          boolean seedDemoData) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MONGO_PORT = 27017;

    /** The jars built by {@code ./mvnw package} in the repository at {@code repoRoot}. */
    public static Map<ServiceName, Path> builtJars(Path repoRoot, String version) {
        Map<ServiceName, Path> jars = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            jars.put(s, repoRoot.resolve("services").resolve(s.id()).resolve("target")
                    .resolve(s.id() + "-" + version + "-exec.jar"));
        }
        return jars;
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String baseUrl(ServiceName service) {
        return "http://localhost:" + ports.get(service);
    }
}
