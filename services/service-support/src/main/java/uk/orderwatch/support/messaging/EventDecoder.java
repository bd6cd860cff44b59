package uk.orderwatch.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.Message;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.InvalidEventException;
import uk.orderwatch.support.crash.CrashPoints;
import uk.orderwatch.support.tracing.Traces;

/**
 * Turns a consumed Kafka record into a checked event and hands it to the service. Consumers take the raw bytes (no
 * framework conversion) so an invalid record fails here with an {@link InvalidEventException}, which the binder
 * dead-letters without retrying.
 *
 * <p>A failure of the service's own database is not the record's fault: dead-lettering it after the binder's few
 * quick retries would leave an accepted report un-alerted until someone replays it. So while the database is
 * unreachable the record is retried here, holding its partition, for up to {@code transientRetryFor}; only an outage
 * longer than that lets the binder's retries and dead-lettering take over.
 *
 * <p>The service's work on an event is a span of the trace its record's {@code traceparent} header names: the trace
 * of the request that caused the event (ADR 23).
 */
public class EventDecoder {

    private static final Logger log = LoggerFactory.getLogger(EventDecoder.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final EventCodec codec;
    private final Duration transientRetryFor;
    private final Traces traces;

    public EventDecoder(EventCodec codec, Duration transientRetryFor, Traces traces) {
        this.codec = codec;
        this.traces = traces;
        this.transientRetryFor = transientRetryFor;
    }

    public CloudEvent<?> decode(Message<byte[]> message) {
        byte[] payload = message.getPayload();
        if (payload == null || payload.length == 0) {
            throw new InvalidEventException("empty record");
        }
        return codec.read(new String(payload, StandardCharsets.UTF_8));
    }

    /** A binding's consumer: decodes each record and passes the event to {@code handler}, riding out outages. */
    public Consumer<Message<byte[]>> consumer(Consumer<CloudEvent<?>> handler) {
        return consumer(null, handler);
    }

    /**
     * A binding's consumer that takes only the event types in {@code wanted}: a record whose {@code ce_type} header
     * names another type is passed over without being parsed (most of a shared topic, for some consumers). A record
     * without the header is decoded, so one that is not an event still reaches the dead-letter topic.
     */
    public Consumer<Message<byte[]>> consumer(Set<EventType> wanted, Consumer<CloudEvent<?>> handler) {
        Set<String> types = wanted == null ? null
                : wanted.stream().map(EventType::type).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return message -> {
            if (types != null) {
                String type = header(message, CloudEvent.HEADER_TYPE);
                if (type != null && !types.contains(type)) {
                    return;
                }
            }
            CloudEvent<?> event = decode(message);
            traces.within("consume " + event.type(), header(message, CloudEvent.HEADER_TRACEPARENT),
                    io.micrometer.tracing.Span.Kind.CONSUMER, java.util.Map.of("event.id", event.id()),
                    () -> handle(event, handler));
        };
    }

    private void handle(CloudEvent<?> event, Consumer<CloudEvent<?>> handler) {
        long deadline = System.nanoTime() + transientRetryFor.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                handler.accept(event);
                CrashPoints.reach(CrashPoints.AFTER_CONSUME, event.type());
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                log.warn("Event {} ({}) waits for the database, retrying in {} ms: {}", event.id(), event.type(),
                        pause.toMillis(), e.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }

    /** An outage of the database (unreachable, timed out, no primary) rather than something wrong with the event. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof com.mongodb.MongoSocketException || t instanceof com.mongodb.MongoTimeoutException
                    || t instanceof com.mongodb.MongoNotPrimaryException
                    || t instanceof com.mongodb.MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
