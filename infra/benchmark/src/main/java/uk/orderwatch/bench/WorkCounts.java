package uk.orderwatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import uk.orderwatch.infra.WireCounts;
import uk.orderwatch.localstack.LocalStack;

/**
 * The work the stack did, counted where it lands rather than timed: the commands each service sent the Mongo wire
 * server (by kind, with the documents and bytes they wrote and the audit entries among them), the Kafka records and
 * bytes written to each topic, and the SMTP connections and messages the mail server took. Counts do not depend on the
 * machine, so they compare across machines where times do not (issue 20).
 */
final class WorkCounts {

    /** The counts at one moment. */
    record Snapshot(Map<WireCounts.Key, WireCounts.Tally> mongo, Map<String, Long> kafkaRecords,
                    Map<String, Long> kafkaBytes, long smtpConnections, long emails) {
    }

    private final LocalStack stack;
    private final String excludedTopic;

    WorkCounts(LocalStack stack, String excludedTopic) {
        this.stack = stack;
        this.excludedTopic = excludedTopic;
    }

    Snapshot now() throws Exception {
        Map<String, Long> records = new TreeMap<>();
        Map<String, Long> bytes = new TreeMap<>();
        try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
            var topics = admin.listTopics().names().get().stream().filter(t -> !t.equals(excludedTopic)).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get().forEach((tp, info) -> records.merge(tp.topic(), info.offset(),
                    Long::sum));
            var brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values()
                    .forEach(dir -> dir.replicaInfos().forEach((tp, replica) -> {
                        if (topics.contains(tp.topic())) {
                            bytes.merge(tp.topic(), replica.size(), Long::sum);
                        }
                    })));
        }
        long connections = stack.smtpProxy() == null ? -1 : stack.smtpProxy().connections();
        return new Snapshot(stack.mongo().counts().snapshot(), records, bytes, connections,
                stack.mail().getReceivedMessages().length);
    }

    /**
     * Waits until the work a run started has ended: no Kafka record, email or Mongo write for 3 s (at most
     * {@code max}), so a rate's count is not cut short by deliveries still under way, nor the next one inflated.
     */
    Snapshot settled(java.time.Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        Snapshot last = now();
        int still = 0;
        while (still < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot next = now();
            still = activity(next) == activity(last) ? still + 1 : 0;
            last = next;
        }
        return last;
    }

    private static long activity(Snapshot s) {
        long writes = s.mongo().entrySet().stream().filter(e -> !e.getKey().command().equals("find"))
                .mapToLong(e -> e.getValue().documents()).sum();
        return writes + s.emails() + s.kafkaRecords().values().stream().mapToLong(Long::longValue).sum();
    }

    /** What the stack did by itself in {@code seconds} with nothing to do: subtracted from a run's count. */
    record Baseline(Map<WireCounts.Key, Double> commandsPerSecond) {

        static Baseline of(Snapshot before, Snapshot after, double seconds) {
            Map<WireCounts.Key, Double> rates = new TreeMap<>();
            after.mongo().forEach((key, tally) -> rates.put(key,
                    tally.minus(before.mongo().get(key)).commands() / seconds));
            return new Baseline(rates);
        }

        /** The commands of {@code key} the stack would have sent by itself in {@code seconds}. */
        long commands(WireCounts.Key key, double seconds) {
            return Math.round(commandsPerSecond.getOrDefault(key, 0.0) * seconds);
        }
    }

    /** The work between two snapshots divided by the reports offered, as lines of the benchmark's report. */
    static String perReport(Snapshot before, Snapshot after, long reports) {
        return perReport(before, after, reports, null, 0);
    }

    /**
     * The same, less what the stack does by itself ({@code baseline}, over the {@code seconds} between the
     * snapshots), so the count is the work of the reports.
     */
    static String perReport(Snapshot before, Snapshot after, long reports, Baseline baseline, double seconds) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Double>> mongo = new TreeMap<>();
        Map<String, double[]> written = new TreeMap<>();
        Map<String, Map<String, Map<String, Double>>> byCollection = new TreeMap<>();
        after.mongo().forEach((key, tally) -> {
            var diff = tally.minus(before.mongo().get(key));
            if (baseline != null) {
                long idle = Math.min(diff.commands(), baseline.commands(key, seconds));
                diff = new WireCounts.Tally(diff.commands() - idle, diff.bulk(), diff.documents(), diff.bytes());
            }
            if (diff.commands() == 0) {
                return;
            }
            String service = key.database().replace("orderwatch-", "");
            mongo.computeIfAbsent(service, s -> new TreeMap<>()).merge(key.command(),
                    (double) diff.commands() / reports,
                    Double::sum);
            byCollection.computeIfAbsent(service, s -> new TreeMap<>())
                    .computeIfAbsent(key.collection().isEmpty() ? "(none)" : key.collection(), c -> new TreeMap<>())
                    .merge(key.command(), (double) diff.commands() / reports, Double::sum);
            double[] w = written.computeIfAbsent(service, s -> new double[4]);
            w[0] += (double) diff.documents() / reports;
            w[1] += (double) diff.bytes() / reports;
            w[2] += (double) diff.bulk() / reports;
            if (key.collection().equals("audit")) {
                w[3] += (double) diff.documents() / reports;
            }
        });
        double allMongo = 0;
        List<String> lines = new ArrayList<>();
        for (var service : mongo.entrySet()) {
            double total = service.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            allMongo += total;
            double[] w = written.get(service.getKey());
            StringBuilder kinds = new StringBuilder();
            service.getValue().forEach((kind, n) -> kinds.append(String.format(Locale.ROOT, " %s %.2f,", kind, n)));
            lines.add(String.format(Locale.ROOT, "    %s: %.2f (%s) of them %.2f with several documents; %.2f "
                            + "documents written, %.0f bytes, %.2f audit entries%n", service.getKey(), total,
                    kinds.substring(1, kinds.length() - 1), w[2], w[0], w[1], w[3]));
            StringBuilder collections = new StringBuilder();
            byCollection.get(service.getKey()).forEach((collection, commands) -> {
                collections.append(' ').append(collection).append(':');
                commands.forEach((kind, n) -> collections.append(String.format(Locale.ROOT, " %s %.2f", kind, n)));
                collections.append(';');
            });
            lines.add("      by collection:" + collections.substring(0, collections.length() - 1)
                    + System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT, "  Mongo commands: %.2f%s%n", allMongo,
                baseline == null ? "" : " (less what the idle stack sends in that time)"));
        lines.forEach(out::append);
        double allRecords = 0;
        double allBytes = 0;
        StringBuilder topics = new StringBuilder();
        for (var topic : after.kafkaRecords().entrySet()) {
            long n = topic.getValue() - before.kafkaRecords().getOrDefault(topic.getKey(), 0L);
            long b = after.kafkaBytes().getOrDefault(topic.getKey(), 0L)
                    - before.kafkaBytes().getOrDefault(topic.getKey(), 0L);
            if (n > 0) {
                allRecords += (double) n / reports;
                allBytes += (double) b / reports;
                topics.append(String.format(Locale.ROOT, " %s %.2f,", topic.getKey(), (double) n / reports));
            }
        }
        out.append(String.format(Locale.ROOT, "  Kafka records: %.2f (%s), %.0f bytes of log%n", allRecords,
                topics.length() == 0 ? "none" : topics.substring(1, topics.length() - 1), allBytes));
        out.append(String.format(Locale.ROOT, "  SMTP: %.2f connections, %.2f messages%n",
                (double) (after.smtpConnections() - before.smtpConnections()) / reports,
                (double) (after.emails() - before.emails()) / reports));
        return out.toString();
    }
}
