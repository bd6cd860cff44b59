package uk.orderwatch.testsupport;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.orderwatch.infra.KafkaBroker;
import uk.orderwatch.infra.MongoWireServer;

/**
 * One in-process Kafka broker and one in-memory Mongo wire server per test JVM, started on first use on free ports
 * and stopped when the JVM exits. Test classes keep apart by unique databases and consumer groups.
 */
public final class SharedTestInfra {

    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static KafkaProducer<String, String> producer;

    private SharedTestInfra() {
    }

    /** The password of every service's Kafka principal in this test JVM. */
    private static final String SERVICE_PASSWORD = "test-" + UUID.randomUUID();

    /**
     * The shared broker, with {@code topics}; every service's principal (named as the service) may write and read
     * exactly what {@link uk.orderwatch.schemas.Topics} says, as in a deployment. Tests themselves send and read as
     * the broker's administrator ({@link KafkaBroker#clientProperties(String)}).
     */
    public static synchronized KafkaBroker kafka(Collection<String> topics) {
        if (kafka == null) {
            kafka = KafkaBroker.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
            kafka.services(uk.orderwatch.schemas.Topics.SERVICES.stream()
                    .map(s -> new uk.orderwatch.infra.KafkaCredentials(s, SERVICE_PASSWORD)).toList(),
                    uk.orderwatch.schemas.Topics::writtenBy, uk.orderwatch.schemas.Topics::readBy);
        }
        kafka.createTopics(topics, 3);
        return kafka;
    }

    /**
     * The settings that point a service under test at the shared broker and a fresh database of its own named
     * {@code database-<random>}; register each with Spring's {@code DynamicPropertyRegistry}.
     */
    public static Map<String, Supplier<Object>> serviceProperties(Collection<String> topics, String database) {
        String bootstrap = kafka(topics).bootstrapServers();
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", () -> mongo().uri(database + "-" + UUID.randomUUID()));
        properties.put("spring.cloud.stream.kafka.binder.brokers", () -> bootstrap);
        // the service signs in as itself (its principal is its spring.application.name)
        properties.put("orderwatch.kafka.password", () -> SERVICE_PASSWORD);
        // the Mongo wire server does not answer the driver's 'hello' health command
        properties.put("management.health.mongodb.enabled", () -> "false");
        TestTokens.serviceProperties().forEach((k, v) -> properties.put(k, () -> v));
        return properties;
    }

    /** Sends a record to the shared broker and waits for its acknowledgement (acks=all). */
    public static synchronized void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends a record with headers (as the binder writes a dead letter, say) and waits for its acknowledgement. */
    public static synchronized void send(String topic, String key, String value, Map<String, String> headers) {
        if (producer == null) {
            Map<String, Object> settings = kafka.clientProperties();
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-producer-stop"));
        }
        try {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e.getCause());
        }
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = MongoWireServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "test-mongo-stop"));
        }
        return mongo;
    }
}
