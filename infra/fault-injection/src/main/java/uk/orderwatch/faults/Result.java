package uk.orderwatch.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One row of the suite's table. {@link #passed()}: nothing lost or doubled, every check of the scenario met. */
public record Result(String scenario, long accepted, long refused, long gaveUp, int expected, int delivered,
                     int escalatedOnly, int duplicates, int resent, int lost, long deadLettered, Duration recovery,
                     List<String> failures, List<String> notes) {

    static Result of(String scenario, FaultSuite.Run run, Ledger ledger, long deadLettered, List<String> checks,
                     List<String> notes) {
        var outcomes = run.cases().stream().flatMap(c -> Stream.of(c.breach(), c.miss())).toList();
        long accepted = outcomes.stream().filter(o -> o != null && o.accepted()).count();
        long refused = outcomes.stream().filter(o -> o != null && o.result() == Driver.Result.REFUSED).count();
        long gaveUp = outcomes.stream().filter(o -> o != null && o.result() == Driver.Result.GAVE_UP).count();
        long unregistered = run.cases().stream().filter(c -> c.orderId() == null).count();
        List<String> failures = new ArrayList<>(checks);
        if (ledger.outstanding() > 0) {
            failures.add(ledger.outstanding() + " alerts lost: " + ledger.examples());
        }
        if (ledger.duplicates() > 0) {
            failures.add(ledger.duplicates() + " duplicates: " + ledger.examples());
        }
        if (ledger.unexpected() > 0) {
            failures.add(ledger.unexpected() + " alerts no accepted report called for");
        }
        if (refused > 0) {
            failures.add(refused + " reports refused: " + outcomes.stream().filter(o -> o != null
                    && o.result() == Driver.Result.REFUSED).map(Driver.Outcome::detail).limit(3).toList());
        }
        if (gaveUp > 0 || unregistered > 0) {
            failures.add(gaveUp + " reports and " + unregistered + " orders given up on after 90 s of retries");
        }
        return new Result(scenario, accepted, refused, gaveUp, ledger.expected(), ledger.delivered(),
                ledger.escalatedOnly(), ledger.duplicates(), ledger.resent(), ledger.outstanding(), deadLettered, ledger.recovery(),
                List.copyOf(failures), List.copyOf(notes));
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    static final String HEADER = String.format(Locale.ROOT, "| %-44s | %8s | %8s | %9s | %9s | %10s | %15s | %5s | %4s | %12s | %9s | %4s |",
            "scenario", "accepted", "expected", "delivered", "escalated", "duplicates", "resent, same id", "lost", "DLQ",
            "recovery (s)", "not taken", "pass");

    String row() {
        return String.format(Locale.ROOT, "| %-44s | %8d | %8d | %9d | %9d | %10d | %15d | %5d | %4d | %12.1f | %9d | %4s |",
                scenario, accepted, expected, delivered, escalatedOnly, duplicates, resent, lost, deadLettered,
                recovery.toMillis() / 1000.0, refused + gaveUp, passed() ? "yes" : "NO");
    }

    /** The table of a suite run, with the failures and notes under it. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(HEADER).append('\n').append(HEADER.replaceAll("[^|]", "-")).append('\n');
        for (Result r : results) {
            out.append(r.row()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "| %-44s | %8d | %8d | %9d | %9d | %10d | %15d | %5d | %4d | %12s | %9d | %4s |%n",
                "total", results.stream().mapToLong(Result::accepted).sum(),
                results.stream().mapToInt(Result::expected).sum(), results.stream().mapToInt(Result::delivered).sum(),
                results.stream().mapToInt(Result::escalatedOnly).sum(),
                results.stream().mapToInt(Result::duplicates).sum(), results.stream().mapToInt(Result::resent).sum(), results.stream().mapToInt(Result::lost).sum(),
                results.stream().mapToLong(Result::deadLettered).sum(), "",
                results.stream().mapToLong(r -> r.refused() + r.gaveUp()).sum(),
                results.stream().allMatch(Result::passed) ? "yes" : "NO"));
        for (Result r : results) {
            r.notes().forEach(n -> out.append("- ").append(r.scenario()).append(": ").append(n).append('\n'));
            r.failures().forEach(f -> out.append("- FAILED ").append(r.scenario()).append(": ").append(f).append('\n'));
        }
        return out.toString();
    }
}
