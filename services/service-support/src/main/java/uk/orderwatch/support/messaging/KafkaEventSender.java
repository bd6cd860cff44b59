package uk.orderwatch.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * Sends outbox events to Kafka with a plain kafka-clients producer: acks=all and idempotence set explicitly, and a
 * send counts only when the broker has acknowledged it (a failed or timed-out send is reported as failed, never as
 * sent). Each record is keyed by the order id and carries the event id and type in headers, and the trace context
 * the event was made in.
 */
public class KafkaEventSender implements AutoCloseable {


    private final KafkaProducer<String, String> producer;
    private final Duration sendTimeout;

    /** @param signIn the client settings that sign in as the service's principal */
    public KafkaEventSender(String bootstrapServers, Map<String, Object> signIn, String clientId,
                            Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
        int timeoutMs = (int) sendTimeout.toMillis();
        Map<String, Object> config = new java.util.HashMap<>(signIn);
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs - 500),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Sends without waiting; the future completes when the broker acknowledged the record, or fails. */
    public CompletableFuture<RecordMetadata> sendAsync(OutboxEvent event) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record(event), (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends and waits for the broker's acknowledgement; throws when it does not come in time. */
    public RecordMetadata send(OutboxEvent event) throws SendFailedException {
        try {
            return sendAsync(event).get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException(event, e);
        } catch (ExecutionException e) {
            throw new SendFailedException(event, e.getCause());
        } catch (TimeoutException e) {
            throw new SendFailedException(event, e);
        }
    }

    private static ProducerRecord<String, String> record(OutboxEvent event) {
        var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add(new RecordHeader(CloudEvent.HEADER_ID, event.eventId().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEvent.HEADER_TYPE, event.type().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEvent.HEADER_CONTENT_TYPE,
                CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        if (event.traceparent() != null) {
            record.headers().add(new RecordHeader(CloudEvent.HEADER_TRACEPARENT,
                    event.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The broker did not acknowledge an event; it stays in its outbox and will be sent again. */
    public static class SendFailedException extends Exception {
        public SendFailedException(OutboxEvent event, Throwable cause) {
            super("event " + event.eventId() + " (" + event.type() + ") was not acknowledged: " + cause, cause);
        }
    }
}
