package uk.orderwatch.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario on the in-process KRaft broker and the Mongo wire server: what runs on every machine. With
 * {@code -Dorderwatch.e2e.instances=2}, on two instances of each service behind the local stack's round-robin entry
 * points (ADR 21): verify runs it with one, to keep within its time.
 */
class LocalStackE2EIT extends SkeletonFlowScenario {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        start(baseConfig(dataDir).withInstances(Integer.getInteger("orderwatch.e2e.instances", 1)));
    }
}
