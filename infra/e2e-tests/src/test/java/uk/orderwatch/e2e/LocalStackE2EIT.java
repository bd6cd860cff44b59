package uk.orderwatch.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import uk.orderwatch.localstack.LocalStack;

/** The scenario on the in-process KRaft broker and the Mongo wire server: what runs on every machine. */
class LocalStackE2EIT extends SkeletonFlowScenario {

    @TempDir
    static Path dataDir;
    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack(baseConfig(dataDir)).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    LocalStack stack() {
        return stack;
    }
}
