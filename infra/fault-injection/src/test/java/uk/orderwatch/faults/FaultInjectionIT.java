package uk.orderwatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.orderwatch.localstack.LocalStackMain;

/**
 * The CI-sized run of the fault-injection suite: the scenarios {@link Scenario#ciSized} with a few dozen reports each
 * (the long run, infra/fault-run.sh, has them all), on one stack with one
 * instance of each service ({@link ScaledFaultInjectionIT}: those that need two, on a stack of their own). Each scenario must lose
 * nothing, double nothing, dead-letter exactly its poison records, and show every alert on its recipient's live
 * stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    FaultSuite suite;
    final List<Result> results = new ArrayList<>();

    int instances() {
        return 1;
    }

    List<Scenario> scenarios() {
        return Scenario.all().stream().filter(Scenario::ciSized).toList();
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        Path repoRoot = Path.of(System.getProperty("orderwatch.repo-root", "../.."));
        suite = FaultSuite.start(dataDir, repoRoot, LocalStackMain.version(),
                new FaultSuite.Settings(40, 10, Duration.ofMinutes(2), instances()));
    }

    @AfterAll
    void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
        String table = Result.table(results);
        System.out.println(table);
        Path out = Path.of("target/fault-results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ci-run-" + instances() + ".md"), table);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioLosesAndDoublesNothing() {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name, () -> {
            Result result = suite.run(scenario);
            results.add(result);
            assertThat(result.failures()).as(result.row()).isEmpty();
            assertThat(result.accepted()).as("reports accepted").isPositive();
            assertThat(result.delivered() + result.escalatedOnly()).as("every expected alert delivered or escalated")
                    .isEqualTo(result.expected());
            if (scenario instanceof Scenario.KafkaStopped) {
                assertThat(result.notes()).as("reports accepted with 2xx while the broker was down")
                        .noneMatch(n -> n.startsWith("0 reports accepted while"));
            }
        }));
    }
}
