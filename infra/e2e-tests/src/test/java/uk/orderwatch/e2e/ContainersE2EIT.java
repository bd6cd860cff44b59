package uk.orderwatch.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenario against real Apache Kafka (KRaft) and a real MongoDB replica set in containers. Runs wherever
 * Docker is available; skipped cleanly where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersE2EIT extends SkeletonFlowScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        start(baseConfig(dataDir).withExternal(KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl()));
    }
}
