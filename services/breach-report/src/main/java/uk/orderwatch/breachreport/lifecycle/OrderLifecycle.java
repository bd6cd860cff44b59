package uk.orderwatch.breachreport.lifecycle;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.orderwatch.breachreport.attendance.SessionPlanning;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;

/**
 * What an order event means for compliance: the read model takes the newest version; a served SPO or DAPO starts its
 * notification-requirement clock; a programme's schedule becomes sessions; an order that ended withdraws the sessions
 * still to come and stops its clocks.
 */
@Component
public class OrderLifecycle {

    static final Set<OrderStatus> ENDED = Set.of(OrderStatus.DISCHARGED, OrderStatus.EXPIRED, OrderStatus.SUPERSEDED);

    private final OrderReadModel orders;
    private final SessionPlanning sessions;
    private final NotificationRequirementService requirements;

    public OrderLifecycle(OrderReadModel orders, SessionPlanning sessions,
                          NotificationRequirementService requirements) {
        this.orders = orders;
        this.sessions = sessions;
        this.requirements = requirements;
    }

    public void apply(OrderSnapshot snapshot, LocalDate endedOn) {
        orders.apply(snapshot, endedOn);
        // act on the newest version known, whatever version this event carried
        var known = orders.find(snapshot.orderId()).orElseThrow();
        if (ENDED.contains(known.order().status())) {
            sessions.withdrawPending(known.orderId());
            requirements.stop(known.orderId());
        } else {
            sessions.plan(known);
            requirements.startIfDue(known);
        }
    }
}
