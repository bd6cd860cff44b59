package uk.orderwatch.support.followup;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.function.SingletonSupplier;
import uk.orderwatch.support.crash.CrashPoints;

/**
 * Does the {@link FollowUp}s that writes record (ADR 11): right after the write, on the writer's thread (the fast
 * path), and every {@code orderwatch.outbox.relay-interval} for any left pending longer than the relay's grace
 * (a crash, a restart, a failure). A follow-up is removed from its document once its handler ran; entries recorded
 * meanwhile by later writes stay for their own run.
 */
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    private static final int BATCH = 200;

    private final Supplier<Map<String, FollowUpHandler>> handlers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration grace;
    private final uk.orderwatch.support.outbox.PendingWork pendingWork;
    private final uk.orderwatch.support.outbox.PendingWork.Gate gate;

    /**
     * @param handlers every handler of the service, looked up on first use: a handler may itself depend on a
     *                 service that records follow-ups
     */
    public FollowUps(Supplier<List<FollowUpHandler>> handlers, MongoTemplate mongo, Clock clock, Duration grace,
                     uk.orderwatch.support.outbox.PendingWork pendingWork) {
        this.pendingWork = pendingWork;
        this.gate = pendingWork.gate();
        this.handlers = SingletonSupplier.of(() -> handlers.get().stream().collect(Collectors.toUnmodifiableMap(
                FollowUpHandler::kind, Function.identity())));
        this.mongo = mongo;
        this.clock = clock;
        this.grace = grace;
    }

    /** A follow-up of {@code kind}, to be recorded by the write it follows. */
    public FollowUp pending(String kind) {
        if (!handlers.get().containsKey(kind)) {
            throw new IllegalArgumentException("no follow-up handler of kind " + kind);
        }
        pendingWork.recorded();
        return new FollowUp(kind, clock.instant());
    }

    /**
     * Does {@code followUp}, which the write just made recorded in document {@code id}, and marks it done. A failure
     * is logged and leaves it for the sweep: the change it follows is stored, and the caller's answer stands.
     */
    public void runNow(String id, FollowUp followUp) {
        CrashPoints.reach(CrashPoints.BEFORE_FOLLOW_UP, followUp.kind());
        FollowUpHandler handler = handlers.get().get(followUp.kind());
        try {
            handler.run(id);
            done(handler, id, List.of(followUp));
        } catch (RuntimeException e) {
            pendingWork.recorded();
            log.warn("Follow-up {} of {} failed, the sweep does it again: {}", followUp.kind(), id, e.toString());
        }
    }

    /** Does every follow-up pending longer than the grace period; answers how many documents it worked on. */
    @Scheduled(fixedDelayString = "${orderwatch.outbox.relay-interval}",
            initialDelayString = "${orderwatch.outbox.relay-interval}")
    public int sweep() {
        if (!gate.open()) {
            return 0;
        }
        int worked = 0;
        Date cutoff = Date.from(clock.instant().minus(grace));
        for (FollowUpHandler handler : handlers.get().values()) {
            try {
                worked += sweep(handler, cutoff);
            } catch (RuntimeException e) {
                pendingWork.recorded();
                log.warn("Sweep of {} follow-ups failed, will try again: {}", handler.kind(), e.toString());
            }
        }
        return worked;
    }

    private int sweep(FollowUpHandler handler, Date cutoff) {
        var query = new Document(FollowUp.FIELD, new Document("$elemMatch", new Document("kind", handler.kind())
                .append("at", new Document("$lt", cutoff))));
        int worked = 0;
        for (Document doc : mongo.getCollection(mongo.getCollectionName(handler.entity())).find(query)
                .projection(new Document(FollowUp.FIELD, 1)).limit(BATCH)) {
            pendingWork.recorded();
            String id = doc.get("_id").toString();
            List<FollowUp> seen = doc.getList(FollowUp.FIELD, Document.class).stream()
                    .map(d -> mongo.getConverter().read(FollowUp.class, d))
                    .filter(f -> f.kind().equals(handler.kind())).toList();
            handler.run(id);
            done(handler, id, seen);
            log.info("Did the pending follow-up {} of {}", handler.kind(), id);
            worked++;
        }
        return worked;
    }

    /** Removes the handler's entries recorded up to the latest of {@code followUps}; later ones stay. */
    private void done(FollowUpHandler handler, String id, List<FollowUp> followUps) {
        var latest = followUps.stream().map(FollowUp::at).max(java.time.Instant::compareTo).orElseThrow();
        mongo.getCollection(mongo.getCollectionName(handler.entity())).updateOne(new Document("_id", id),
                new Document("$pull", new Document(FollowUp.FIELD, new Document("kind", handler.kind())
                        .append("at", new Document("$lte", Date.from(latest))))));
    }
}
