package uk.orderwatch.breachreport.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.web.Problem;

/**
 * The sessions of a programme requirement: planned from its schedule when the order arrives, added by hand,
 * rescheduled while still to come, withdrawn when the order ends.
 */
@Service
public class SessionPlanning {

    private final SessionStore store;
    private final OrderReadModel orders;
    private final Clock clock;

    public SessionPlanning(SessionStore store, OrderReadModel orders, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Creates the sessions of each scheduled programme requirement that do not exist yet; for an order brought in
     * by an import, only those from the import on (what was due before is not orderwatch's to chase).
     */
    public void plan(KnownOrder known) {
        OrderSnapshot order = known.order();
        for (Condition c : order.conditions()) {
            if (c.category() != ConditionCategory.PROGRAMME || c.programme() == null
                    || c.programme().schedule() == null) {
                continue;
            }
            var schedule = c.programme().schedule();
            var existing = store.plannedSequences(order.orderId(), c.conditionId());
            for (int n = 1; n <= c.programme().sessions(); n++) {
                if (existing.contains(n)) {
                    continue;
                }
                Instant start = schedule.firstSessionAt()
                        .plus(Duration.ofDays((long) (n - 1) * schedule.intervalDays()));
                if (order.importedAt() != null && start.isBefore(order.importedAt())) {
                    continue;
                }
                store.insertIfAbsent(store.newSession(SessionStore.id(order.orderId(), c.conditionId(), "#" + n),
                        order, c.conditionId(), n, start, schedule.durationMinutes()));
            }
        }
    }

    /** The order ended: sessions still to come are withdrawn and their timers stop. */
    public void withdrawPending(String orderId) {
        store.withdrawPending(orderId);
    }

    public SessionDocument add(String orderId, AddSessionRequest r) {
        KnownOrder known = activeOrder(orderId);
        programme(known.order(), r.conditionId());
        var session = store.newSession(IdempotentRequest.newId("session"), known.order(), r.conditionId(), null,
                r.start(), r.durationMinutes());
        // a retry whose first answer was lost finds the session the first attempt added
        return store.insertIfAbsent(session);
    }

    public SessionDocument reschedule(String orderId, String sessionId, RescheduleSessionRequest r, Actor by) {
        activeOrder(orderId);
        var s = store.session(orderId, sessionId);
        if (s.changedByCurrentRequest()) {
            return s;
        }
        if (s.status() != SessionStatus.SCHEDULED) {
            throw Problem.conflict("reschedule-scheduled-only", "session " + sessionId + " is " + s.status()
                    + ": only a session still to come can be rescheduled");
        }
        var reschedules = new ArrayList<>(s.reschedules());
        reschedules.add(new SessionDocument.Reschedule(s.start(), r.start(), r.reason(), by,
                clock.instant(), IdempotentRequest.currentId()));
        var moved = new SessionDocument(s.sessionId(), s.version() + 1, s.orderId(), s.conditionId(), s.sequence(),
                r.start(), s.durationMinutes(), s.status(), s.practitionerId(), s.currentOutcome(),
                store.dueAt(r.start(), s.durationMinutes()), reschedules, s.outcomes(), s.outbox(),
                s.followUps());
        store.compareAndSet(moved, s.version());
        return moved;
    }

    private KnownOrder activeOrder(String orderId) {
        KnownOrder known = orders.require(orderId);
        if (known.endedOn() != null) {
            throw Problem.conflict("order-ended", "order " + orderId + " ended on " + known.endedOn()
                    + "; no sessions can be planned for it");
        }
        return known;
    }

    /** The order's PROGRAMME requirement {@code conditionId}, or the rule it breaks. */
    static Condition programme(OrderSnapshot order, String conditionId) {
        var condition = order.condition(conditionId).orElseThrow(() -> Problem.rule("condition-not-on-order",
                "conditionId", "order " + order.orderId() + " has no condition " + conditionId));
        if (condition.category() != ConditionCategory.PROGRAMME) {
            throw Problem.rule("not-a-programme", "conditionId",
                    "condition " + conditionId + " is " + condition.category() + ", not a PROGRAMME requirement");
        }
        return condition;
    }
}
