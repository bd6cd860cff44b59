package uk.orderwatch.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.orderwatch.localstack.LocalStack;

/**
 * The scenario on the in-process KRaft broker and the Mongo wire server: what runs on every machine. With
 * {@code -Dorderwatch.e2e.instances=2}, on two instances of each service behind the local stack's round-robin entry
 * points (ADR 21): verify runs it with one, to keep within its time. The stack is the one the browser journey uses
 * too ({@link SharedLocalStack}).
 */
@ExtendWith(SharedLocalStack.class)
class LocalStackE2EIT extends SkeletonFlowScenario {

    @BeforeAll
    static void start(LocalStack shared) {
        use(shared);
    }
}
