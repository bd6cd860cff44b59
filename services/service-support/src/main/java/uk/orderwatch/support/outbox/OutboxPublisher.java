package uk.orderwatch.support.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.orderwatch.support.crash.CrashPoints;
import uk.orderwatch.support.messaging.KafkaEventSender;

/**
 * Publishes the events of a document right after the write that stored them (the fast path), and removes each from
 * the document's outbox once Kafka acknowledged it (in bulk with others acknowledged meanwhile,
 * {@link PublishedMarks}). Whatever this misses (broker down, process killed between the write and the send) stays
 * in the outbox for the {@link OutboxRelay}. Delivery is at least once; consumers deduplicate on the event id.
 */
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaEventSender sender;
    private final PublishedMarks marks;
    private final PendingWork pendingWork;

    public OutboxPublisher(KafkaEventSender sender, MongoTemplate mongo, Executor afterSend,
                           PendingWork pendingWork) {
        this.sender = sender;
        this.marks = new PublishedMarks(mongo, afterSend);
        this.pendingWork = pendingWork;
    }

    /**
     * Sends the events stored in document {@code id} of {@code collection}, in order, without blocking the caller.
     * The returned future completes when every event was acknowledged and removed from the outbox. Called by
     * {@link OutboxWriter} only, right after the write that stored the events.
     */
    CompletableFuture<Void> publishAfterWrite(String collection, String id, List<OutboxEvent> events) {
        pendingWork.recorded();
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> sender.sendAsync(event)
                        .thenCompose(sent -> {
                            CrashPoints.reach(CrashPoints.AFTER_SEND, collection);
                            return marks.mark(collection, id, event.eventId());
                        })
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                pendingWork.recorded();
                                log.warn("Event {} ({}) not published yet, the relay will retry: {}", event.eventId(),
                                        event.type(), rootMessage(error));
                            }
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    /**
     * Sends the events of one document, in order, waiting for each acknowledgement; used by the relay. Answers when
     * each has left the outbox: the relay waits for that once per batch, so the clean-ups of a batch go together.
     */
    CompletableFuture<Void> publishNow(String collection, String id, List<OutboxEvent> events)
            throws KafkaEventSender.SendFailedException {
        List<CompletableFuture<Void>> marked = new ArrayList<>();
        for (OutboxEvent event : events) {
            sender.send(event);
            CrashPoints.reach(CrashPoints.AFTER_SEND, collection);
            marked.add(marks.mark(collection, id, event.eventId()));
        }
        return CompletableFuture.allOf(marked.toArray(CompletableFuture[]::new));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
