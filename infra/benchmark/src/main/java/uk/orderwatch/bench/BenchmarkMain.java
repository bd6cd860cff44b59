package uk.orderwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import uk.orderwatch.infra.KafkaBroker;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.LocalStackMain;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackConfig;
import uk.orderwatch.localstack.StackTokens;

/**
 * {@code infra/bench.sh}: starts the stack (the services as processes), registers orders, then offers breach reports
 * and missed sessions open-loop at each rate and measures, per report, the time until the officer in charge, the
 * practitioner and the caseworker each have its alert on their live stream, next to Kafka's own produce-to-consume
 * time on the same broker. Options: {@code --rates=10,25,50,100} {@code --duration=15} (s per rate)
 * {@code --warmup=10} (s at the first rate, not counted) {@code --orders=200} {@code --profile} (JFR on the services
 * and this JVM during the last rate) {@code --repo-root=.}
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("\nThe benchmark stopped: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        List<Double> rates = List.of(10.0, 25.0, 50.0, 100.0);
        int duration = 15;
        int warmup = 10;
        int orders = 200;
        boolean profile = false;
        int idle = 20;
        int sustain = 0;
        double sustainRate = 0;
        Path repoRoot = Path.of(".");
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--rates=")) {
                rates = java.util.Arrays.stream(value.split(",")).map(Double::parseDouble).toList();
            } else if (arg.startsWith("--duration=")) {
                duration = Integer.parseInt(value);
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(value);
            } else if (arg.startsWith("--orders=")) {
                orders = Integer.parseInt(value);
            } else if (arg.startsWith("--idle=")) {
                idle = Integer.parseInt(value);
            } else if (arg.startsWith("--sustain=")) {
                sustain = Integer.parseInt(value);
            } else if (arg.startsWith("--sustain-rate=")) {
                sustainRate = Double.parseDouble(value);
            } else if (arg.equals("--profile")) {
                profile = true;
            } else if (arg.startsWith("--repo-root=")) {
                repoRoot = Path.of(value);
            } else {
                System.err.println("unknown option " + arg);
                System.exit(2);
            }
        }
        Path out = repoRoot.resolve("infra/benchmark/target/bench-results");
        Files.createDirectories(out);
        Path dataDir = Files.createTempDirectory("orderwatch-bench");
        var config = StackConfig.ephemeral(dataDir, StackConfig.builtJars(repoRoot, LocalStackMain.version()));

        long startNanos = System.nanoTime();
        try (var stack = new LocalStack(config).withServiceEnv(LocalStack.UNLIMITED_RATES).withMailProxy()
                .start()) {
            double readySeconds = (System.nanoTime() - startNanos) / 1e9;
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "orderwatch benchmark, %s, %d cores, %s%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            report.append(String.format(Locale.ROOT, "stack ready in %.1f s (Kafka, Mongo, identity server, three "
                    + "services); %d orders; %d s per rate after %d s of warm-up%n%n", readySeconds, orders, duration,
                    warmup));
            measure(stack, new Plan(rates, duration, warmup, orders, profile, idle, sustain, sustainRate,
                    System.nanoTime()), out, report);
            String text = report.toString();
            System.out.println("\n" + text);
            Path file = out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.writeString(file, text);
            System.out.println("Written to " + file);
        }
        System.exit(0);
    }

    /** What to run: the rates, their length, the idle measurement and the sustained run. */
    private record Plan(List<Double> rates, int duration, int warmup, int orders, boolean profile, int idle,
                        int sustain, double sustainRate, long readyNanos) {
    }

    private static void measure(LocalStack stack, Plan plan, Path out, StringBuilder report) throws Exception {
        List<Double> rates = plan.rates();
        int duration = plan.duration();
        int warmup = plan.warmup();
        int orderCount = plan.orders();
        boolean profile = plan.profile();
        var tokens = new StackTokens(stack.config().issuer());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        // the idle stack first: nothing has happened since it was ready but the demo directory's seeding
        var work = new WorkCounts(stack, KafkaFloor.TOPIC);
        WorkCounts.Baseline[] baseline = {null};
        if (plan.idle() > 0) {
            report.append(idle(stack, work, plan, baseline));
        }
        List<String> orderIds = registerOrders(stack, tokens, orderCount);
        KafkaBroker.createTopics(stack.config().kafkaBootstrap(), List.of(KafkaFloor.TOPIC), 3);

        var load = new LoadRun(http, stack.config().baseUrl(ServiceName.BREACH_REPORT), tokens, orderIds,
                new AtomicLong());
        List<AlertWatcher> watchers = new ArrayList<>();
        for (String user : List.of(DemoData.OIC, DemoData.PRACTITIONER, DemoData.CASEWORKER)) {
            var w = new AlertWatcher(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), stack.config().baseUrl(ServiceName.NOTIFICATION),
                    tokens.token(user), load);
            w.awaitOpen(Duration.ofSeconds(30));
            watchers.add(w);
        }
        try (var floor = new KafkaFloor(stack.config().kafkaBootstrap())) {
            if (warmup > 0) {
                floor.start(rates.get(0));
                load.run(rates.get(0), Duration.ofSeconds(warmup), Duration.ofSeconds(10));
                floor.stop();
            }
            report.append("| offered/s | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | HTTP p99 ms "
                    + "| Kafka floor p50 / p99 ms | p99 / floor p99 | HTTP errors | alerts missing |\n");
            report.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            String profiles = "";
            StringBuilder cpuPerReport = new StringBuilder("\nCPU per report offered (user + system time of each "
                    + "process over the rate's run and drain, divided by the reports offered):\n");
            StringBuilder workPerReport = new StringBuilder("\nWork per report offered (counted where it lands, over "
                    + "the rate's run and drain; the same on any machine):\n");
            double held = 0;
            for (int i = 0; i < rates.size(); i++) {
                double rate = rates.get(i);
                boolean profiled = profile && i == rates.size() - 1;
                Map<String, Long> pids = new java.util.LinkedHashMap<>();
                for (ServiceName s : List.of(ServiceName.BREACH_REPORT, ServiceName.NOTIFICATION)) {
                    pids.put(s.id(), stack.service(s).pid());
                }
                pids.put("benchmark JVM (Kafka broker, Mongo server, load)", ProcessHandle.current().pid());
                if (profiled) {
                    for (var p : pids.entrySet()) {
                        Profiler.start(p.getValue(), out.resolve(p.getValue() + ".jfr"));
                    }
                }
                var workBefore = work.settled(Duration.ofSeconds(30));
                long workStart = System.nanoTime();
                Map<String, Long> cpuBefore = cpu(stack);
                floor.start(rate);
                var result = load.run(rate, Duration.ofSeconds(duration), Duration.ofSeconds(15));
                Histogram floorLatency = floor.stop();
                cpuPerReport.append(cpuLine(rate, cpuBefore, cpu(stack), result.sent()));
                var workAfter = work.settled(Duration.ofSeconds(30));
                workPerReport.append(String.format(Locale.ROOT, "  at %.0f/s:%n", rate))
                        .append(WorkCounts.perReport(workBefore, workAfter, result.sent(), baseline[0],
                                (System.nanoTime() - workStart) / 1e9));
                if (profiled) {
                    StringBuilder p = new StringBuilder("\nProfile at " + (int) rate + " reports/s (JFR, "
                            + duration + " s):\n");
                    for (var pid : pids.entrySet()) {
                        Profiler.stop(pid.getValue());
                        p.append(pid.getKey()).append(": ")
                                .append(Profiler.summary(out.resolve(pid.getValue() + ".jfr"), 12));
                    }
                    profiles = p.toString();
                }
                report.append(row(result, floorLatency)).append('\n');
                if (result.achieved() >= rate * 0.98 && result.missingAlerts() == 0 && result.httpErrors() == 0
                        && result.toAlerts().getValueAtPercentile(99) <= 1_000_000_000L) {
                    held = Math.max(held, rate);
                }
                System.out.println(row(result, floorLatency));
                if (!result.errorSamples().isEmpty()) {
                    report.append("  errors at ").append((int) rate).append("/s, e.g. ")
                            .append(result.errorSamples()).append('\n');
                }
            }
            report.append("\nTimes are from when each report was due (open loop), to the third recipient's alert on "
                    + "their live stream; the floor is a record produced (acks=all) and consumed on the same broker "
                    + "at the same rate.\n");
            report.append(cpuPerReport);
            report.append(workPerReport);
            report.append(String.format(Locale.ROOT, "%nHighest rate that held (achieved = offered, no alert missing, "
                    + "p99 ≤ 1 s): %s%n", held > 0 ? String.format(Locale.ROOT, "%.0f/s", held) : "none"));
            if (plan.sustain() > 0) {
                double rate = plan.sustainRate() > 0 ? plan.sustainRate() : held > 0 ? held : rates.get(0);
                report.append(sustained(stack, load, floor, rate, plan.sustain()));
            }
            report.append(memory(stack));
            report.append(profiles);
        } finally {
            watchers.forEach(AlertWatcher::close);
        }
    }

    /**
     * The stack with nothing to do, from 60 s after it was ready: the CPU each process uses and the work it does
     * anyway (pollers, timers), per second.
     */
    private static String idle(LocalStack stack, WorkCounts work, Plan plan, WorkCounts.Baseline[] baseline)
            throws Exception {
        long since = (System.nanoTime() - plan.readyNanos()) / 1_000_000_000L;
        if (since < 60) {
            Thread.sleep((60 - since) * 1000);
        }
        var workBefore = work.now();
        Map<String, Long> before = cpu(stack);
        Thread.sleep(plan.idle() * 1000L);
        Map<String, Long> after = cpu(stack);
        var workAfter = work.now();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Idle, %d s from 60 s after ready, share of "
                + "one core:", plan.idle()));
        double total = 0;
        for (var e : after.entrySet()) {
            double share = (e.getValue() - before.get(e.getKey())) / (plan.idle() * 10.0);
            total += share;
            line.append(String.format(Locale.ROOT, " %s %.1f%%,", e.getKey(), share));
        }
        line.append(String.format(Locale.ROOT, " total %.1f%%%nIdle work per second:%n", total));
        line.append(WorkCounts.perReport(workBefore, workAfter, plan.idle())).append('\n');
        baseline[0] = WorkCounts.Baseline.of(workBefore, workAfter, plan.idle());
        return line.toString();
    }

    /**
     * One rate for {@code seconds}, with each process's resident memory every 30 s: a slow leak shows as memory that
     * keeps growing when the load does not.
     */
    private static String sustained(LocalStack stack, LoadRun load, KafkaFloor floor, double rate, int seconds)
            throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nSustained: %.0f reports/s for %d s; "
                + "resident memory (MiB) every 30 s:%n| s |", rate, seconds));
        for (ServiceName s : ServiceName.values()) {
            out.append(' ').append(s.id()).append(" |");
        }
        out.append(" benchmark JVM |\n|---|").append("---|".repeat(ServiceName.values().length + 1)).append('\n');
        var sampler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            try {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d |",
                        (System.nanoTime() - start) / 1_000_000_000L));
                for (ServiceName s : ServiceName.values()) {
                    row.append(' ').append(rssKiB(stack.service(s).pid()) / 1024).append(" |");
                }
                row.append(' ').append(rssKiB(ProcessHandle.current().pid()) / 1024).append(" |\n");
                synchronized (out) {
                    out.append(row);
                }
            } catch (IOException e) {
                synchronized (out) {
                    out.append("| memory not readable: ").append(e).append(" |\n");
                }
            }
        }, 0, 30, java.util.concurrent.TimeUnit.SECONDS);
        floor.start(rate);
        var result = load.run(rate, Duration.ofSeconds(seconds), Duration.ofSeconds(15));
        Histogram floorLatency = floor.stop();
        sampler.shutdownNow();
        synchronized (out) {
            return out.append("\n| offered/s | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | HTTP p99 ms "
                    + "| Kafka floor p50 / p99 ms | p99 / floor p99 | HTTP errors | alerts missing |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
                    .append(row(result, floorLatency)).append('\n').toString();
        }
    }

    private static String row(LoadRun.Outcome r, Histogram floor) {
        Histogram h = r.toAlerts();
        double floorP99 = ms(floor.getValueAtPercentile(99));
        double p99 = ms(h.getValueAtPercentile(99));
        return String.format(Locale.ROOT, "| %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | "
                        + "%.1f× | %d | %d |", r.offered(), r.achieved(), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), p99, ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                ms(r.http().getValueAtPercentile(99)), ms(floor.getValueAtPercentile(50)), floorP99,
                floorP99 > 0 ? p99 / floorP99 : 0, r.httpErrors(), r.missingAlerts());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** CPU time used so far by each service process and this JVM, in ms, from /proc. */
    private static Map<String, Long> cpu(LocalStack stack) throws IOException {
        Map<String, Long> cpu = new java.util.LinkedHashMap<>();
        for (ServiceName s : ServiceName.values()) {
            cpu.put(s.id(), cpuMillis(stack.service(s).pid()));
        }
        cpu.put("benchmark JVM", cpuMillis(ProcessHandle.current().pid()));
        return cpu;
    }

    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
    }

    private static String cpuLine(double rate, Map<String, Long> before, Map<String, Long> after, long reports) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  at %.0f/s:", rate));
        long total = 0;
        for (var e : after.entrySet()) {
            long used = e.getValue() - before.get(e.getKey());
            total += used;
            line.append(String.format(Locale.ROOT, " %s %.1f ms,", e.getKey(), (double) used / reports));
        }
        return line.append(String.format(Locale.ROOT, " total %.1f ms%n", (double) total / reports)).toString();
    }

    /** Resident memory of each process, from /proc. */
    private static String memory(LocalStack stack) throws IOException {
        StringBuilder out = new StringBuilder("\nResident memory (VmRSS):");
        for (ServiceName s : ServiceName.values()) {
            out.append(String.format(Locale.ROOT, " %s %d MiB,", s.id(), rssKiB(stack.service(s).pid()) / 1024));
        }
        out.append(String.format(Locale.ROOT, " benchmark JVM (Kafka broker, Mongo server, mail server, load) %d MiB%n",
                rssKiB(ProcessHandle.current().pid()) / 1024));
        return out.toString();
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static List<String> registerOrders(LocalStack stack, StackTokens tokens, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                var response = http.send(HttpRequest.newBuilder(URI.create(stack.config().baseUrl(
                                ServiceName.ORDER_REGISTRY) + "/orders")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.token(DemoData.OIC))
                        .POST(HttpRequest.BodyPublishers.ofString(DemoData.order("1 Any Street", "07700900000")
                                .toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("registering an order: HTTP " + response.statusCode() + " "
                            + response.body());
                }
                String id = DemoData.JSON.readTree(response.body()).get("orderId").asString();
                var known = HttpRequest.newBuilder(URI.create(stack.config().baseUrl(ServiceName.BREACH_REPORT)
                        + "/orders/" + id + "/compliance")).header("Authorization", "Bearer "
                        + tokens.token(DemoData.OIC)).build();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (http.send(known, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("breach-report did not learn of order " + id);
                    }
                    Thread.sleep(100);
                }
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (var f : futures) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }
}
