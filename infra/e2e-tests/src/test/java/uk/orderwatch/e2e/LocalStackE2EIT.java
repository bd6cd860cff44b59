package uk.orderwatch.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The scenario on the in-process KRaft broker and the Mongo wire server: what runs on every machine. */
class LocalStackE2EIT extends SkeletonFlowScenario {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        start(baseConfig(dataDir));
    }
}
