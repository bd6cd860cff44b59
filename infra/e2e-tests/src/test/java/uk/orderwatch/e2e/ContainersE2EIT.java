package uk.orderwatch.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenario against a real MongoDB replica set in a container. Runs wherever Docker is available; skipped
 * cleanly where it is not. Kafka is the local stack's own broker (real Apache Kafka in KRaft mode, in this JVM),
 * where the services sign in with SASL/SCRAM and ACLs decide what each may write and read, as in a deployment.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersE2EIT extends SkeletonFlowScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        start(baseConfig(dataDir).withExternal(null, MONGO.getReplicaSetUrl()));
    }
}
