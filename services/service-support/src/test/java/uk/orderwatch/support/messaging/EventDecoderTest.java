package uk.orderwatch.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.support.MessageBuilder;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.InvalidEventException;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.support.tracing.Traces;

/** A record waits out a database outage instead of being dead-lettered; anything else fails at once. */
class EventDecoderTest {

    private static final String ID = "5d0c6f0e-2b1a-4c3e-9f00-000000000001";
    private final EventCodec codec = new EventCodec();
    private final byte[] record = codec.write(CloudEvent.of(EventType.AGENCY_RECORDED, ID, "/orderwatch/notification",
            Instant.parse("2026-11-28T10:00:00Z"), "agency-1", new AgencyRecorded("agency-1", AgencyKind.POLICE,
                    "Test Constabulary", 1, List.of()))).getBytes(StandardCharsets.UTF_8);

    @Test
    void anOutageOfTheDatabaseIsRetriedUntilTheEventIsHandled() {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new ArrayList<>();
        new EventDecoder(codec, Duration.ofSeconds(10), Traces.none()).consumer(event -> {
            if (calls.incrementAndGet() < 3) {
                throw new DataAccessResourceFailureException("Timed out while waiting for a server",
                        new com.mongodb.MongoTimeoutException("no server"));
            }
            handled.add(event.id());
        }).accept(MessageBuilder.withPayload(record).build());
        assertThat(calls).hasValue(3);
        assertThat(handled).containsExactly(ID);
    }

    @Test
    void anOutageLongerThanTheLimitIsLeftToTheBindersRetriesAndDeadLetters() {
        AtomicInteger calls = new AtomicInteger();
        var consumer = new EventDecoder(codec, Duration.ofMillis(350), Traces.none()).consumer(event -> {
            calls.incrementAndGet();
            throw new DataAccessResourceFailureException("down");
        });
        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload(record).build()))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(calls.get()).isBetween(2, 3);
    }

    @Test
    void aFailureThatIsNotAnOutageIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        var consumer = new EventDecoder(codec, Duration.ofSeconds(10), Traces.none()).consumer(event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        });
        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload(record).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anInvalidRecordNeverReachesTheHandler() {
        AtomicInteger calls = new AtomicInteger();
        var consumer = new EventDecoder(codec, Duration.ofSeconds(10), Traces.none())
                .consumer(event -> calls.incrementAndGet());
        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload("{not json".getBytes(
                StandardCharsets.UTF_8)).build())).isInstanceOf(InvalidEventException.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aConsumerOfSomeTypesPassesOverOthersByTheirHeaderAndStillRefusesRecordsWithout() {
        List<String> handled = new ArrayList<>();
        var consumer = new EventDecoder(codec, Duration.ofSeconds(10), Traces.none()).consumer(
                java.util.Set.of(EventType.AGENCY_RECORDED), event -> handled.add(event.id()));

        consumer.accept(MessageBuilder.withPayload("{not even json".getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEvent.HEADER_TYPE, "alert.raised".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(handled).as("another type is not parsed at all").isEmpty();

        consumer.accept(MessageBuilder.withPayload(record)
                .setHeader(CloudEvent.HEADER_TYPE, "agency.recorded".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(handled).containsExactly(ID);

        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload("{not json".getBytes(
                StandardCharsets.UTF_8)).build())).isInstanceOf(InvalidEventException.class);
    }
}
