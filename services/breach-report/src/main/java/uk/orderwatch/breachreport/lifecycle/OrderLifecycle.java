package uk.orderwatch.breachreport.lifecycle;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.orderwatch.breachreport.attendance.SessionPlanning;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;

/**
 * What an order event means for compliance: the read model takes the newest version; a served SPO or DAPO starts its
 * notification-requirement clock (unless exempt); a programme's schedule becomes sessions; an order that ended
 * withdraws the sessions still to come and stops its clocks, except an interim SPO's notification requirement when a
 * full SPO replaced it: that requirement stands for the full order (Stalking Protection Act 2019 s.9(1)(a)).
 */
@Component
public class OrderLifecycle {

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
        OrderStatus status = known.order().status();
        if (!status.active()) {
            sessions.withdrawPending(known.orderId());
            if (status != OrderStatus.SUPERSEDED) {
                requirements.stop(known.orderId());
            }
        } else {
            sessions.plan(known);
            requirements.startIfDue(known);
        }
    }
}
