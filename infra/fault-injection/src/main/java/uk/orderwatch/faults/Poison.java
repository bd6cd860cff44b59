package uk.orderwatch.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.testsupport.TopicReader;

/** Records no consumer can take, put on every consumed topic, and the check that each reached a dead-letter topic. */
final class Poison {

    /** Invalid JSON, a known event type whose data breaks its schema, and an unknown event type. */
    static final int KINDS = 3;
    static final int SUBSCRIPTIONS = Topics.SUBSCRIPTIONS.size();

    private Poison() {
    }

    /** Sends the three kinds to each consumed topic; answers their keys by topic. */
    static Map<String, List<String>> send(KafkaProducer<String, String> producer) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (String[] subscription : Topics.SUBSCRIPTIONS) {
            String topic = subscription[0];
            if (sent.containsKey(topic)) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            sent.put(topic, keys);
            String run = UUID.randomUUID().toString().substring(0, 8);
            keys.add(send(producer, topic, "poison-json-" + run, "{\"specversion\": \"1.0\", \"id\": "));
            keys.add(send(producer, topic, "poison-schema-" + run, envelope(EventType.BREACH_REPORTED.type(),
                    EventType.BREACH_REPORTED.dataschema(), "{\"breachId\": 42}")));
            keys.add(send(producer, topic, "poison-type-" + run, envelope("order.teleported",
                    EventType.BREACH_REPORTED.dataschema(), "{}")));
        }
        return sent;
    }

    private static String envelope(String type, String dataschema, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/orderwatch/breach-report\","
                + "\"type\":\"" + type + "\",\"time\":\"" + Instant.now() + "\",\"subject\":\"" + UUID.randomUUID()
                + "\",\"datacontenttype\":\"application/json\",\"dataschema\":\"" + dataschema + "\",\"data\":" + data
                + "}";
    }

    private static String send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            return key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not put a poison record on " + topic, e);
        }
    }

    /** Each poison record is on the dead-letter topic of each group consuming its topic, with a reason. */
    static void verify(String bootstrap, Map<String, List<String>> sent, List<String> failures, List<String> notes) {
        int found = 0;
        Set<String> reasons = new LinkedHashSet<>();
        for (String[] s : Topics.SUBSCRIPTIONS) {
            String dlq = Topics.deadLetter(s[0], s[1]);
            List<String> keys = sent.getOrDefault(s[0], List.of());
            var records = TopicReader.readUntil(bootstrap, dlq, rs -> keys.stream()
                    .allMatch(k -> rs.stream().anyMatch(r -> k.equals(r.key()))), Duration.ofSeconds(30));
            for (String key : keys) {
                var letter = records.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
                if (letter == null) {
                    failures.add("poison record " + key + " from " + s[0] + " is not on " + dlq);
                    continue;
                }
                String stack = letter.headers().get("x-exception-stacktrace");
                String reason = stack == null ? null : refusal(stack);
                if (reason == null) {
                    failures.add(dlq + " holds " + key + " without the reason it was refused: " + reason);
                } else if (!s[0].equals(letter.headers().get("x-original-topic"))) {
                    failures.add(dlq + " holds " + key + " without its original topic");
                } else if (letter.headers().get("x-original-offset") == null) {
                    failures.add(dlq + " holds " + key + " without its original offset");
                } else {
                    found++;
                    reason = reason.substring(reason.indexOf(':') + 1).trim();
                    reasons.add(reason.length() > 90 ? reason.substring(0, 90) + "..." : reason);
                }
            }
        }
        notes.add(found + "/" + KINDS * SUBSCRIPTIONS + " poison records on their dead-letter topics with reason and "
                + "origin; e.g. " + String.join(" | ", reasons.stream().limit(3).toList()));
    }

    /** The line of the stack trace summary where the event was refused as invalid, or null. */
    static String refusal(String stackTrace) {
        return stackTrace.lines().filter(l -> l.contains("InvalidEventException: ")).findFirst()
                .map(l -> l.replaceFirst("^Caused by: ", "")).orElse(null);
    }
}
