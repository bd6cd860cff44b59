package uk.orderwatch.breachreport.attendance;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.SessionUnrecorded;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxWriter;

/** The unrecorded-session timer: a session still without an outcome after its grace period is flagged, once. */
@Service
public class UnrecordedSessions {

    private final SessionStore store;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;

    public UnrecordedSessions(SessionStore store, OrderReadModel orders, EventFactory events, OutboxWriter outbox,
                              Clock clock) {
        this.store = store;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Raises {@code session.unrecorded} for each session whose grace period has run out with no outcome. The event
     * is pushed into the session's outbox by the same conditional update that clears the timer, so however many
     * instances run this, each session is flagged once.
     */
    public int raiseUnrecorded() {
        Instant now = clock.instant();
        int raised = 0;
        for (var s : store.unrecordedDue(now)) {
            var known = orders.find(s.orderId());
            if (known.isEmpty()) {
                continue;
            }
            OrderSnapshot order = known.get().order();
            var programme = order.condition(s.conditionId()).map(Condition::programme);
            var event = events.create(EventType.SESSION_UNRECORDED, s.orderId(), new SessionUnrecorded(s.sessionId(),
                    s.orderId(), order.version(), s.conditionId(), programme.map(p -> p.name()).orElse("programme"),
                    s.start(), s.end(), s.unrecordedDueAt(), order.subject(), order.agencies()));
            var claimed = outbox.update(query(where("_id").is(s.sessionId()).and("version").is(s.version())
                            .and("unrecordedDueAt").is(s.unrecordedDueAt())),
                    new Update().unset("unrecordedDueAt").inc("version", 1), SessionDocument.class, List.of(event));
            if (claimed != null) {
                raised++;
            }
        }
        return raised;
    }
}
