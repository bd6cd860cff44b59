package uk.orderwatch.registry.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.OrderExpired;
import uk.orderwatch.support.events.EventFactory;

/** An order past its end date expires, by the timer stored on it ({@code expiresAt}). */
@Service
public class OrderExpiry {

    private final OrderStore store;
    private final EventFactory events;
    private final Clock clock;

    public OrderExpiry(OrderStore store, EventFactory events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Expires every active order whose end date has passed. Each expiry is a compare-and-set on the order's
     * version, so when two instances run this at once each order is expired exactly once. Returns how many this
     * call expired.
     */
    public int expireDue() {
        Instant now = clock.instant();
        var due = store.dueToExpire(now);
        int expired = 0;
        for (OrderDocument order : due) {
            long read = order.version();
            LocalDate endedOn = order.endsOn();
            order.expire(now);
            order.addEvent(events.create(EventType.ORDER_EXPIRED, order.id(),
                    new OrderExpired(order.snapshot(), endedOn)));
            if (store.compareAndSet(order, read)) {
                expired++;
            }
        }
        return expired;
    }
}
