package uk.orderwatch.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/** Reads a topic from the beginning with a fresh consumer group: what is really on the broker, for checks. */
public final class TopicReader {

    private TopicReader() {
    }

    /** A record as read: key, value and headers as text. */
    public record Rec(String topic, String key, String value, Map<String, String> headers) {
    }

    /**
     * Each event once, in the order first published: the outbox publishes at least once, so the same event (the
     * same {@code ce_id}) may be on the topic twice, and a check of what was published counts it once.
     */
    public static List<Rec> eachEventOnce(List<Rec> records) {
        var seen = new java.util.HashSet<String>();
        return records.stream().filter(r -> seen.add(r.headers().getOrDefault("ce_id", r.topic() + r.value())))
                .toList();
    }

    /** A reader of its own, signed in as the broker's administrator (who may read every topic). */
    private static Map<String, Object> settings(String bootstrap, Object... more) {
        Map<String, Object> settings = uk.orderwatch.infra.KafkaBroker.clientProperties(bootstrap);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put((String) more[i], more[i + 1]);
        }
        return settings;
    }

    /** Every record on {@code topic} once at least one matches {@code until}, or all there is after the timeout. */
    public static List<Rec> readUntil(String bootstrap, String topic, Predicate<List<Rec>> until, Duration timeout) {
        List<Rec> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(settings(bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            try {
                // the consumer is not thread-safe: it is polled on this thread, between Awaitility's checks
                await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(rec(r)));
                    return until.test(records);
                });
            } catch (ConditionTimeoutException e) {
                // the caller's own assertion on what was read says what is missing
            }
        }
        return records;
    }

    /**
     * Every record on the topic up to its end offsets as they are at the call, however many: what a check reads is
     * all there was, never what a fixed wait happened to catch. Fails if the end is not reached within
     * {@code timeout}.
     */
    public static List<Rec> readToEnd(String bootstrap, String topic, Duration timeout) {
        List<Rec> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(settings(bootstrap), new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            try {
                await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            records.add(rec(r));
                        }
                    });
                    return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                });
            } catch (ConditionTimeoutException e) {
                // reported below with how far it got
            }
            long expected = 0;
            for (var p : partitions) {
                if (consumer.position(p) < end.get(p)) {
                    throw new IllegalStateException(topic + " not read to its end within " + timeout);
                }
                expected += end.get(p) - consumer.beginningOffsets(List.of(p)).get(p);
            }
            if (records.size() != expected) {
                throw new IllegalStateException(topic + ": read " + records.size() + " records, the partitions hold "
                        + expected);
            }
        }
        return records;
    }

    private static Rec rec(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Rec(r.topic(), r.key(), r.value(), headers);
    }
}
