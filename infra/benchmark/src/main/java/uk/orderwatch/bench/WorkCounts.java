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

    /** The work between two snapshots divided by the reports offered, as lines of the benchmark's report. */
    static String perReport(Snapshot before, Snapshot after, long reports) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Double>> mongo = new TreeMap<>();
        Map<String, double[]> written = new TreeMap<>();
        after.mongo().forEach((key, tally) -> {
            var diff = tally.minus(before.mongo().get(key));
            if (diff.commands() == 0) {
                return;
            }
            String service = key.database().replace("orderwatch-", "");
            mongo.computeIfAbsent(service, s -> new TreeMap<>()).merge(key.command(), (double) diff.commands() / reports,
                    Double::sum);
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
        }
        out.append(String.format(Locale.ROOT, "  Mongo commands: %.2f%n", allMongo));
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
