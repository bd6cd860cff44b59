package uk.orderwatch.support.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.support.web.Problem;

/**
 * The dead letters of this service's consumer groups: listed with the reason and where they came from (the binder's
 * {@code x-original-*} and {@code x-exception-*} headers), and replayed once the cause is fixed: handed to this
 * service's consumer of the original topic, as if it came again. A replay does not write the original topic, which
 * has one writer (the broker's ACLs allow no other), and it reaches only the consumer that failed, not every
 * service that reads the topic. Each dead letter is replayed once; a replay is recorded with who asked and when.
 */
public class DeadLetters {

    /** What the audit log calls a dead letter; its record id is {@code topic/partition/offset}. */
    public static final String AUDIT_RESOURCE = "dead-letter";
    /** A reason longer than this is cut: it is for deciding a replay, not for reading the record. */
    static final int REASON_LENGTH = 500;

    private final Map<String, Object> consumerSettings;
    private final List<String> topics;
    private final Function<String, Consumer<Message<byte[]>>> consumers;
    private final MongoTemplate mongo;
    private final Clock clock;

    /**
     * @param signIn    the client settings that sign in as the service's principal
     * @param consumers the service's consumer of each topic it reads, by topic
     */
    public DeadLetters(String bootstrap, Map<String, Object> signIn, String group,
                       Function<String, Consumer<Message<byte[]>>> consumers, MongoTemplate mongo, Clock clock) {
        Map<String, Object> settings = new java.util.HashMap<>(signIn);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the group's name starts with the service's, as the broker's ACLs allow it
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-dead-letter-reader");
        this.consumerSettings = Map.copyOf(settings);
        this.topics = Topics.SUBSCRIPTIONS.stream().filter(s -> s[1].equals(group))
                .map(s -> Topics.deadLetter(s[0], s[1])).toList();
        this.consumers = consumers;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The service's consumer of each topic it reads: the function bound to it (each function of
     * {@code spring.cloud.function.definition} whose {@code <function>-in-0} binding has the topic as destination).
     */
    @SuppressWarnings("unchecked")
    public static Function<String, Consumer<Message<byte[]>>> boundConsumers(
            org.springframework.core.env.Environment environment, org.springframework.beans.factory.BeanFactory beans) {
        return topic -> java.util.Arrays.stream(environment.getProperty("spring.cloud.function.definition", "")
                        .split(";")).map(String::trim)
                .filter(f -> !f.isEmpty() && topic.equals(environment.getProperty(
                        "spring.cloud.stream.bindings." + f + "-in-0.destination")))
                .findFirst().map(f -> (Consumer<Message<byte[]>>) beans.getBean(f)).orElse(null);
    }

    /**
     * One dead letter: what an operator needs to decide a replay (which event, about which record, where it came
     * from, why it failed), never its content, which holds case data.
     *
     * @param key       the record's key: the id of the order (or agency) the event is about
     * @param eventType the event's type ({@code ce_type}), null when the record is not an event
     * @param eventId   the event's id ({@code ce_id}), null when the record is not an event
     * @param reason    why the consumer refused it, cut to 500 characters
     */
    public record DeadLetter(String topic, int partition, long offset, Instant at, String key, String eventType,
                             String eventId, String originalTopic, Integer originalPartition, Long originalOffset,
                             String reason, Replay replayed) {

        public String id() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    /** A replay: when, by whom. */
    public record Replay(String id, Instant at, String by) {
    }

    public List<String> topics() {
        return topics;
    }

    /**
     * How many records each of this service's dead-letter topics has taken so far (the sum of its partitions' end
     * offsets), one consumer for all of them.
     */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<String, String>(consumerSettings, new StringDeserializer(),
                new StringDeserializer())) {
            for (String topic : topics) {
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                counts.put(topic, consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                        .mapToLong(Long::longValue).sum());
            }
        }
        return counts;
    }

    /** Every dead letter of this service, oldest first per topic. */
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : topics) {
            for (var r : read(topic)) {
                all.add(view(r));
            }
        }
        return all;
    }

    /**
     * Hands the dead letter's record, with its key and event headers, to this service's consumer of the topic it
     * came from; a record that fails again is answered as a failure and stays a dead letter, not replayed.
     */
    public DeadLetter replay(String topic, int partition, long offset, String by) {
        if (!topics.contains(topic)) {
            throw Problem.notFound("Dead-letter topic", topic);
        }
        var record = read(topic).stream().filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow(() -> Problem.notFound("Dead letter", topic + "/" + partition + "/"
                        + offset));
        String original = header(record, "x-original-topic");
        if (original == null) {
            throw Problem.conflict("no-original-topic", "the dead letter does not say which topic it came from");
        }
        var consumer = consumers.apply(original);
        if (consumer == null) {
            throw Problem.conflict("no-consumer", "this service no longer reads " + original);
        }
        var replay = new Replay(topic + "/" + partition + "/" + offset, clock.instant(), by);
        try {
            mongo.insert(replay, "deadLetterReplays");
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("replay-once", "this dead letter was already replayed");
        }
        var message = MessageBuilder.withPayload(record.value() == null ? new byte[0]
                : record.value().getBytes(StandardCharsets.UTF_8)).setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        // a replayed event continues the trace of the report that caused it, not the replaying request's
        for (String name : List.of(CloudEvent.HEADER_ID, CloudEvent.HEADER_TYPE,
                CloudEvent.HEADER_CONTENT_TYPE, CloudEvent.HEADER_TRACEPARENT)) {
            Header h = record.headers().lastHeader(name);
            if (h != null) {
                message.setHeader(name, h.value());
            }
        }
        try {
            consumer.accept(message.build());
        } catch (RuntimeException e) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(replay.id())),
                    "deadLetterReplays");
            String reason = String.valueOf(e.getMessage());
            throw Problem.conflict("replay-failed", "the consumer refused it again: "
                    + (reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "…" : reason));
        }
        return view(record);
    }

    private DeadLetter view(ConsumerRecord<String, String> r) {
        String id = r.topic() + "/" + r.partition() + "/" + r.offset();
        var replayed = Optional.ofNullable(mongo.findById(id, Replay.class, "deadLetterReplays")).orElse(null);
        String reason = header(r, "x-exception-message");
        if (reason != null && reason.length() > REASON_LENGTH) {
            reason = reason.substring(0, REASON_LENGTH) + "…";
        }
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, CloudEvent.HEADER_TYPE), header(r, CloudEvent.HEADER_ID),
                header(r, "x-original-topic"), intHeader(r, "x-original-partition"),
                longHeader(r, "x-original-offset"), reason, replayed);
    }

    private List<ConsumerRecord<String, String>> read(String topic) {
        try (var consumer = new KafkaConsumer<String, String>(consumerSettings, new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null || h.value().length != 4 ? null : ByteBuffer.wrap(h.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null || h.value().length != 8 ? null : ByteBuffer.wrap(h.value()).getLong();
    }
}
