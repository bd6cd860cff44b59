package uk.orderwatch.infra;

import java.util.Collection;

/**
 * One in-process Kafka broker and one in-memory Mongo wire server per test JVM, started on first use on free ports
 * and stopped when the JVM exits. Test classes keep apart by unique databases and consumer groups.
 */
public final class SharedTestInfra {

    private static KafkaBroker kafka;
    private static MongoWireServer mongo;

    private SharedTestInfra() {
    }

    public static synchronized KafkaBroker kafka(Collection<String> topics) {
        if (kafka == null) {
            kafka = KafkaBroker.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
        }
        kafka.createTopics(topics, 3);
        return kafka;
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = MongoWireServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "test-mongo-stop"));
        }
        return mongo;
    }
}
