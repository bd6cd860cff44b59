package uk.orderwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;

/**
 * A client that stops reading holds up only its own stream: alerts are written by sender threads, never by the thread
 * that raised them, and a stream too far behind is closed for its client to resume.
 */
class AlertStreamTest {

    /** A stream whose client reads (records what it got) or has stopped reading (every alert write blocks). */
    static class Client extends SseEmitter {
        final List<String> received = new CopyOnWriteArrayList<>();
        final boolean stopsReading;
        final CountDownLatch neverReads = new CountDownLatch(1);
        final AtomicBoolean completed = new AtomicBoolean();
        int writes;

        Client(boolean stopsReading) {
            super(0L);
            this.stopsReading = stopsReading;
        }

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            String event = builder.build().stream().map(d -> String.valueOf(d.getData()))
                    .collect(java.util.stream.Collectors.joining());
            beforeWrite(event);
            if (writes++ > 0 && stopsReading) {
                try {
                    neverReads.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            received.add(event);
        }

        /** Called with each event as it is written, before the client has it. */
        void beforeWrite(String event) {
        }

        @Override
        public void complete() {
            completed.set(true);
        }

        final AtomicBoolean errored = new AtomicBoolean();

        @Override
        public void completeWithError(Throwable error) {
            errored.set(true);
        }
    }

    final Deque<Client> clients = new ArrayDeque<>();
    final AlertStream stream = new AlertStream(mock(AuditLog.class), clients::poll);

    @AfterEach
    void release() {
        stream.closeAll();
    }

    static AlertView alert(String id, String personId) {
        return new AlertView(id, "order-1", "breach.reported", "event-" + id,
                new Recipient(personId, "demo-police", RecipientRole.OFFICER_IN_CHARGE), Severity.HIGH,
                "Breach reported", Map.of(), Instant.now(), 0, id, null, null, null, null, List.of(), null);
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheThreadThatRaisesAlertsNorAnotherStream() {
        var stuck = new Client(true);
        var reading = new Client(false);
        clients.add(stuck);
        clients.add(reading);
        stream.subscribe("demo-police", "demo-oic", List::of);
        stream.subscribe("demo-police", "demo-colleague", List::of);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            stream.publish(alert("a1", "demo-oic"));
            stream.publish(alert("a2", "demo-oic"));
            stream.publish(alert("b1", "demo-colleague"));
        }, "publishing waited for a client that stopped reading");

        await().atMost(Duration.ofSeconds(10)).until(() -> reading.received.stream().anyMatch(e -> e.contains("b1")));
        stuck.neverReads.countDown();
    }

    @Test
    void aStreamTooFarBehindIsClosedSoItsClientResumesWithLastEventId() {
        var stuck = new Client(true);
        clients.add(stuck);
        stream.subscribe("demo-police", "demo-oic", List::of);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i <= AlertStream.BACKLOG + 1; i++) {
                stream.publish(alert("a" + i, "demo-oic"));
            }
        });

        assertThat(stuck.completed).isTrue();
        stuck.neverReads.countDown();
    }

    @Test
    void theAlertsWaitingForAStreamAreAuditedAsOneDisclosureBeforeAnyIsWritten() throws Exception {
        var audit = mock(AuditLog.class);
        var firstWrite = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var client = new Client(false) {
            @Override
            void beforeWrite(String event) {
                if (event.contains("a1")) {
                    firstWrite.countDown();
                    try {
                        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        var audited = new AlertStream(audit, () -> client);
        try {
            audited.subscribe("demo-police", "demo-oic", List::of);
            audited.publish(alert("a1", "demo-oic"));
            assertThat(firstWrite.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            audited.publish(alert("a2", "demo-oic"));
            audited.publish(alert("a3", "demo-oic"));
            audited.publish(alert("a4", "demo-oic"));
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> client.received.stream()
                    .anyMatch(e -> e.contains("a4")));
            var order = org.mockito.Mockito.inOrder(audit);
            order.verify(audit).disclose(null, "live-stream", "alert", List.of("a1"), "demo-oic", "demo-police");
            order.verify(audit).disclose(null, "live-stream", "alert", List.of("a2", "a3", "a4"), "demo-oic",
                    "demo-police");
            org.mockito.Mockito.verifyNoMoreInteractions(audit);
        } finally {
            release.countDown();
            audited.closeAll();
        }
    }

    @Test
    void whenTheDisclosureCannotBeAuditedNothingIsWrittenAndTheStreamCloses() {
        var audit = mock(AuditLog.class);
        org.mockito.Mockito.doThrow(new IllegalStateException("audit store down")).when(audit).disclose(
                org.mockito.ArgumentMatchers.isNull(), org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.<List<String>>any(),
                org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
        var client = new Client(false);
        var audited = new AlertStream(audit, () -> client);
        try {
            audited.subscribe("demo-police", "demo-oic", List::of);
            audited.publish(alert("a1", "demo-oic"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> org.mockito.Mockito.verify(audit).disclose(
                    null, "live-stream", "alert", List.of("a1"), "demo-oic", "demo-police"));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.errored.get());
            assertThat(client.received).noneMatch(e -> e.contains("a1"));
        } finally {
            audited.closeAll();
        }
    }

    @Test
    void missedAlertsComeFirstAndAnAlertIsNotWrittenTwice() {
        var client = new Client(false);
        clients.add(client);
        stream.subscribe("demo-police", "demo-oic", () -> List.of(alert("m1", "demo-oic"), alert("m2", "demo-oic")));

        stream.publish(alert("m2", "demo-oic"));
        stream.publish(alert("l1", "demo-oic"));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.stream().anyMatch(e -> e.contains("l1")));
        assertThat(client.received.stream().filter(e -> e.contains("id:")).map(e -> e.replaceAll("(?s).*id:(\\w+).*",
                "$1")).toList()).containsExactly("m1", "m2", "l1");
    }

    private static List<String> ids(Client client) {
        return client.received.stream().filter(e -> e.contains("id:")).map(e -> e.replaceAll("(?s).*id:(\\w+).*",
                "$1")).toList();
    }

    @Test
    void anAlertThatArrivesBothFromItsRaiserAndFromTheAlertsTopicIsWrittenOnce() {
        var client = new Client(false);
        clients.add(client);
        stream.subscribe("demo-police", "demo-oic", List::of);
        assertThat(stream.awaits("demo-police", "demo-oic", "a1")).isTrue();
        assertThat(stream.awaits("demo-police", "demo-colleague", "a1")).as("nobody of that name listens here")
                .isFalse();

        stream.publish(alert("a1", "demo-oic"));
        assertThat(stream.awaits("demo-police", "demo-oic", "a1")).as("taken: not worth reading again").isFalse();
        stream.publish(alert("a1", "demo-oic"));
        stream.publish(alert("a2", "demo-oic"));

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(client).contains("a2"));
        assertThat(ids(client)).containsExactly("a1", "a2");
    }

    @Test
    void anAlertRaisedWhileTheMissedOnesAreReadIsNotLostBetweenThem() {
        var client = new Client(false);
        clients.add(client);
        stream.subscribe("demo-police", "demo-oic", () -> {
            stream.publish(alert("l1", "demo-oic")); // raised after the read below had begun
            return List.of(alert("m1", "demo-oic"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(client).contains("l1"));
        assertThat(ids(client)).containsExactly("m1", "l1");
    }
}
