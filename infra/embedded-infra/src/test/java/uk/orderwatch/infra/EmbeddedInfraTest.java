package uk.orderwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @TempDir
    Path dir;

    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> props = new java.util.HashMap<>(base);
        for (int i = 0; i + 1 < more.length; i += 2) {
            props.put((String) more[i], more[i + 1]);
        }
        return props;
    }

    static Map<String, Object> as(KafkaBroker broker, KafkaCredentials user, Object... more) {
        Map<String, Object> props = new java.util.HashMap<>(user.clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return with(props, more);
    }

    @Test
    void everyClientSignsInAndDoesOnlyWhatItsAclsAllow() throws Exception {
        var writer = new KafkaCredentials("writer", "writer-password");
        var reader = new KafkaCredentials("reader", "reader-password");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0,
                new KafkaCredentials("admin", "admin-password"))) {
            broker.createTopics(List.of("events", "other"), 1);
            broker.users(List.of(writer, reader));
            broker.allow("writer", List.of("events"), List.of(), "writer");
            broker.allow("reader", List.of(), List.of("events"), "reader");

            try (var producer = new KafkaProducer<String, String>(as(broker, writer, ProducerConfig.ACKS_CONFIG,
                    "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("events", "k", "written")).get();
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("other", "k", "v")).get())
                        .as("a topic it may not write").hasRootCauseInstanceOf(
                                org.apache.kafka.common.errors.TopicAuthorizationException.class);
            }
            try (var forger = new KafkaProducer<String, String>(as(broker, reader, ProducerConfig.ACKS_CONFIG,
                    "all"), new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> forger.send(new ProducerRecord<>("events", "k", "forged")).get())
                        .as("a reader cannot write what it reads").hasRootCauseInstanceOf(
                                org.apache.kafka.common.errors.TopicAuthorizationException.class);
            }
            try (var plainWriter = new KafkaProducer<String, String>(with(as(broker, writer,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000), "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"writer\" "
                            + "password=\"writer-password\";"), new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> plainWriter.send(new ProducerRecord<>("events", "k", "v")).get())
                        .as("PLAIN is the administrator's alone").hasRootCauseInstanceOf(
                                org.apache.kafka.common.errors.SaslAuthenticationException.class);
            }
            var wrongPassword = new KafkaCredentials("writer", "guessed");
            try (var impostor = new KafkaProducer<String, String>(as(broker, wrongPassword,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000), new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> impostor.send(new ProducerRecord<>("events", "k", "v")).get())
                        .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
            }
            try (var anonymous = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000), new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>("events", "k", "v")).get())
                        .as("a client that does not sign in gets nowhere").isNotNull();
            }
            try (var consumer = new KafkaConsumer<String, String>(as(broker, reader, ConsumerConfig.GROUP_ID_CONFIG,
                    "reader-1", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("events"));
                List<String> values = new java.util.ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("written");
            }
            try (var consumer = new KafkaConsumer<String, String>(as(broker, reader, ConsumerConfig.GROUP_ID_CONFIG,
                    "reader-2", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("other"));
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("a topic it may not read")
                        .isInstanceOf(org.apache.kafka.common.errors.TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void theBrokerKeepsTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0,
                new KafkaCredentials("admin", "a-test-password"))) {
            broker.createTopics(List.of("t"), 1);
            try (var producer = new KafkaProducer<String, String>(with(broker.clientProperties(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "kept")).get();
            }
            String clusterId = Files.readString(dir.resolve("kafka/orderwatch-cluster.id"));

            broker.restart();

            assertThat(Files.readString(dir.resolve("kafka/orderwatch-cluster.id"))).isEqualTo(clusterId);
            try (var consumer = new KafkaConsumer<String, String>(with(broker.clientProperties(),
                    ConsumerConfig.GROUP_ID_CONFIG, "g", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                List<String> values = new java.util.ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        values.add(r.value());
                    }
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("kept");
            }
        }
    }

    @Test
    void thePersistentMongoServerKeepsDocumentsAcrossARestart() {
        Path file = dir.resolve("mongo/orderwatch.mv");
        int port = Ports.free();
        try (var server = MongoWireServer.persistent(file, port);
             var client = MongoClients.create(server.uri("db"))) {
            client.getDatabase("db").getCollection("c").insertOne(new Document("_id", "a").append("v", 1));
        }
        try (var server = MongoWireServer.persistent(file, port);
             var client = MongoClients.create(server.uri("db"))) {
            assertThat(client.getDatabase("db").getCollection("c").find().first()).containsEntry("v", 1);
        }
    }

    @Test
    void queriesByIdWithFurtherConditionsMatchAsMongoDbDoes() {
        try (var server = MongoWireServer.inMemory(Ports.free());
             var client = MongoClients.create(server.uri("db"))) {
            var c = client.getDatabase("db").getCollection("c");
            for (int i = 0; i < 50; i++) {
                c.insertOne(new Document("_id", "d" + i).append("version", 1).append("n", i));
            }
            assertThat(c.updateOne(Filters.and(Filters.eq("_id",
                    "d7"), Filters.eq("version", 2)), Updates
                    .inc("version", 1)).getModifiedCount()).as("a stale version changes nothing").isZero();
            assertThat(c.updateOne(Filters.and(Filters.eq("_id",
                    "d7"), Filters.eq("version", 1)), Updates
                    .inc("version", 1)).getModifiedCount()).isEqualTo(1);
            assertThat(c.find(Filters.eq("_id", "d7")).first()).containsEntry("version", 2)
                    .containsEntry("n", 7);
            assertThat(c.find(Filters.and(Filters.eq("_id",
                    "missing"), Filters.eq("version", 1))).first()).isNull();
            assertThat(c.countDocuments(Filters.and(Filters.in(
                    "_id", "d1", "d2", "d3"), Filters.eq("version", 1)))).isEqualTo(3);
        }
    }

    @Test
    void aTakenPortIsNamedWithTheSettingThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka broker", "--kafka-port"))
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("--kafka-port=<port>");
        }
    }
}
