package uk.orderwatch.support.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AccessRefusedRepeatedly;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;

/**
 * Watches the refusals the audit log records: when one user (agency and person) has been refused {@code threshold}
 * times within {@code window}, the service publishes {@code access.refused-repeatedly} on its own access topic, once
 * per user and window, and notification tells the user's agency. The signal is stored with its event (the outbox,
 * ADR 1), so it is not lost when the broker is away.
 */
public class RefusalWatch {

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final EventFactory events;
    private final Clock clock;
    private final String service;
    private final int threshold;
    private final Duration window;

    public RefusalWatch(MongoTemplate mongo, OutboxWriter outbox, EventFactory events, Clock clock, String service,
                        int threshold, Duration window) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.service = service;
        this.threshold = threshold;
        this.window = window;
    }

    /** One streak of refusals signalled: the user, and the window it was signalled in. */
    @Document(RefusalStreak.COLLECTION)
    public record RefusalStreak(@Id String id, String agencyId, String personId, Instant signalledAt,
                                List<OutboxEvent> outbox) {
        public static final String COLLECTION = "refusal_streaks";
    }

    /** After a refusal of {@code caller} was audited: signals the streak once it reaches the threshold. */
    public void refused(uk.orderwatch.support.security.Caller caller) {
        Instant now = clock.instant();
        var inWindow = query(where("action").is(AuditEntry.Action.REFUSE).and("personId").is(caller.personId())
                .and("agencyId").is(caller.agencyId()).and("at").gt(now.minus(window)));
        long refusals = mongo.count(inWindow, AuditEntry.class);
        if (refusals < threshold) {
            return;
        }
        if (mongo.exists(query(where("agencyId").is(caller.agencyId()).and("personId").is(caller.personId())
                .and("signalledAt").gt(now.minus(window))), RefusalStreak.class)) {
            return; // signalled already: once per user and window
        }
        // two refusals at the same moment make one signal: the id names the user and the window's slot
        String id = caller.agencyId() + "/" + caller.personId() + "/" + now.getEpochSecond() / window.toSeconds();
        var first = mongo.findOne(inWindow.with(Sort.by("at")).limit(1), AuditEntry.class);
        var event = events.create(EventType.ACCESS_REFUSED_REPEATEDLY, caller.agencyId(),
                new AccessRefusedRepeatedly(service, caller.actor(), caller.role().name(), (int) refusals,
                        (int) window.toMinutes(), first == null ? now : first.at(), now));
        try {
            outbox.insert(new RefusalStreak(id, caller.agencyId(), caller.personId(), now, List.of(event)),
                    List.of(event));
        } catch (DuplicateKeyException e) {
            // another refusal of the same streak signalled it at the same moment
        }
    }
}
