package uk.orderwatch.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import uk.orderwatch.localstack.LocalStackMain;

/**
 * {@code infra/fault-run.sh}: the long run of the fault-injection suite. Options: {@code --reports=N} (all scenarios
 * together, default 10000), {@code --rate=cases/s} (default 6), {@code --only=text} (the scenarios whose name
 * contains it, e.g. {@code halted}), {@code --repo-root}. Prints the table, writes it to
 * {@code target/fault-results/}, and exits 1 if any scenario failed.
 */
public final class FaultSuiteMain {

    private FaultSuiteMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("\nThe fault suite stopped: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws IOException {
        int reports = 10_000;
        double rate = 6;
        Path repoRoot = Path.of(".");
        String only = "";
        for (String arg : args) {
            if (arg.startsWith("--reports=")) {
                reports = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--rate=")) {
                rate = Double.parseDouble(arg.substring(7));
            } else if (arg.startsWith("--only=")) {
                only = arg.substring(7);
            } else if (arg.startsWith("--repo-root=")) {
                repoRoot = Path.of(arg.substring(12));
            } else {
                System.err.println("unknown option " + arg
                        + " (--reports=N --rate=cases/s --only=TEXT --repo-root=DIR)");
                System.exit(2);
            }
        }
        String wanted = only;
        var chosen = Scenario.everyOne().stream().filter(s -> s.name.contains(wanted)).toList();
        if (chosen.isEmpty()) {
            System.err.println("no scenario's name contains '" + only + "'");
            System.exit(2);
        }
        int scenarios = chosen.size();
        Path out = repoRoot.resolve("infra/fault-injection/target/fault-results");
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<Result> results = new java.util.ArrayList<>();
        int perScenario = Math.max(2, reports / scenarios);
        // a stack per number of instances: the scenarios with one instance of each service, then those with two
        for (int instances : chosen.stream().map(Scenario::instances).distinct().sorted().toList()) {
            var settings = new FaultSuite.Settings(perScenario, rate, Duration.ofMinutes(5), instances);
            Path dataDir = Files.createTempDirectory("orderwatch-faults");
            try (var suite = FaultSuite.start(dataDir, repoRoot, LocalStackMain.version(), settings)) {
                results.addAll(suite.runAll(chosen.stream().filter(s -> s.instances() == instances).toList()));
            }
        }
        String table = "orderwatch fault-injection suite, " + Instant.now() + ": " + perScenario
                + " reports per scenario, " + rate + " orders/s at most, "
                + Math.round((System.nanoTime() - started) / 1e9) + " s\n\n" + Result.table(results);
        System.out.println("\n" + table);
        Path file = out.resolve("faults-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, table);
        System.out.println("Written to " + file);
        System.exit(results.stream().allMatch(Result::passed) ? 0 : 1);
    }
}
