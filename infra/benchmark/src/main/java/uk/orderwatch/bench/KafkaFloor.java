package uk.orderwatch.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor: Kafka alone, on the same broker at the same time, producing (acks=all, idempotent, no linger, as the
 * services do) and consuming records at the benchmark's rate; each record carries its send time on this JVM's clock.
 */
final class KafkaFloor implements AutoCloseable {

    static final String TOPIC = "orderwatch.bench.floor";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Recorder latency = new Recorder(3);
    private final Thread consuming;
    private volatile Thread producing;
    private volatile boolean running = true;

    KafkaFloor(String bootstrap) {
        // signed in as the broker's administrator, over the same SASL/SCRAM connection the services use
        Map<String, Object> producerSettings = uk.orderwatch.infra.KafkaBroker.clientProperties(bootstrap);
        producerSettings.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumerSettings = uk.orderwatch.infra.KafkaBroker.clientProperties(bootstrap);
        consumerSettings.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "bench-floor",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer());
        var assigned = new java.util.concurrent.CountDownLatch(1);
        consumer.subscribe(List.of(TOPIC), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
                assigned.countDown();
            }
        });
        consuming = new Thread(() -> {
            while (running) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    long sent = ByteBuffer.wrap(r.value()).getLong();
                    latency.recordValue(Math.max(0, System.nanoTime() - sent));
                }
            }
            consumer.close();
        }, "kafka-floor-consumer");
        consuming.start();
        // let the consumer join before anything is measured
        try {
            if (!assigned.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the floor's consumer got no partitions");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Produces at {@code perSecond} until {@link #stop()}; the histogram is reset first. */
    void start(double perSecond) {
        latency.reset();
        long period = (long) (1e9 / perSecond);
        producing = new Thread(() -> {
            long next = System.nanoTime();
            int i = 0;
            while (running && !Thread.currentThread().isInterrupted()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                byte[] value = ByteBuffer.allocate(8).putLong(System.nanoTime()).array();
                producer.send(new ProducerRecord<>(TOPIC, "order-" + (i++ % 1000), value));
                next += period;
            }
        }, "kafka-floor-producer");
        producing.start();
    }

    /** Stops producing and answers the produce-to-consume latencies (ns) since {@link #start}. */
    org.HdrHistogram.Histogram stop() throws InterruptedException {
        if (producing != null) {
            producing.interrupt();
            producing.join();
        }
        Thread.sleep(500); // the last records arrive
        return latency.getIntervalHistogram();
    }

    @Override
    public void close() {
        running = false;
        try {
            consuming.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
