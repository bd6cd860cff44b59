package uk.orderwatch.registry.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ProtectedPersonDto;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.InterimOrderEnded;
import uk.orderwatch.schemas.events.OrderDischarged;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.OrderRenewed;
import uk.orderwatch.schemas.events.OrderServed;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderVaried;
import uk.orderwatch.schemas.events.ProtectedPersonChanged;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.web.Problem;

/**
 * What happens to an order after it was granted, as the police record it: served, varied, renewed, discharged; and
 * the upkeep of the case that no court decides: who works it, and the protected persons' details. Each change is
 * checked against the rules and stored with its event in one compare-and-set write (OrderStore).
 */
@Service
public class OrderChanges {

    private final OrderStore store;
    private final EventFactory events;
    private final AgencyDirectory directory;
    private final Clock clock;

    public OrderChanges(OrderStore store, EventFactory events, AgencyDirectory directory, Clock clock) {
        this.store = store;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * One change of an order: {@code change} checks it, applies it and adds its event, and the order is stored if
     * nobody changed it meanwhile. A retry of the request that made the change, whose answer was lost, finds it made.
     */
    private OrderDocument change(String orderId, java.util.function.Consumer<OrderDocument> change) {
        var order = store.require(orderId);
        if (order.changedByCurrentRequest()) {
            return order;
        }
        long read = order.version();
        change.accept(order);
        return store.save(order, read);
    }

    public OrderDocument serve(String orderId, ServeOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            if (order.status() != OrderStatus.SERVED) {
                order.requireActive("serve");
                OrderRules.checkServedAt(c.servedAt(), order.madeOn(), clock.instant());
            }
            order.serve(c.servedAt(), actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_SERVED, orderId,
                    new OrderServed(order.snapshot(), c.servedAt(), actor)));
        });
    }

    public OrderDocument vary(String orderId, VaryOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("vary");
            List<String> changed = new ArrayList<>();
            List<OrderCondition> newConditions = null;
            if (c.conditions() != null) {
                OrderRules.checkConditions(order.orderType(), c.conditions(), OrderMapping.dto(order.agencies()),
                        directory, "conditions");
                newConditions = OrderMapping.conditions(c.conditions(), order.conditions());
                changed.add("conditions");
            }
            if (c.endsOn() != null || c.untilFurtherOrder() != null) {
                OrderRules.checkEnd(order.orderType(), order.madeOn(), c.endsOn(),
                        Boolean.TRUE.equals(c.untilFurtherOrder()));
                changed.add("endsOn");
            }
            if (changed.isEmpty()) {
                throw Problem.invalid("conditions", "a variation changes the conditions or the end");
            }
            order.vary(newConditions, c.endsOn(), c.untilFurtherOrder(), c.reason(), actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_VARIED, orderId,
                    new OrderVaried(order.snapshot(), changed, actor)));
        });
    }

    public OrderDocument reassign(String orderId, ReassignOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("reassign");
            OrderRules.checkReassignment(order, c, directory);
            Assignment previous = order.reassign(c.agencyKind(), new Assignment(c.agencyId(), c.personId()), actor,
                    clock.instant());
            order.addEvent(events.create(EventType.ORDER_REASSIGNED, orderId,
                    new OrderReassigned(order.snapshot(), c.agencyKind(), previous, actor)));
        });
    }

    public OrderDocument addProtectedPerson(String orderId, ProtectedPersonDto p, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("change");
            if (order.protectedPersons().size() >= OrderRules.MOST_PROTECTED_PERSONS) {
                throw Problem.rule("protected-persons-limit", "name", "an order protects at most "
                        + OrderRules.MOST_PROTECTED_PERSONS + " people");
            }
            OrderRules.checkAdvocate(p.advocatePersonId(), order.agencies().advocacy(), directory, "advocatePersonId");
            var person = OrderMapping.protectedPerson(OrderMapping.newProtectedPersonId(), p);
            order.addProtectedPerson(person, actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_PROTECTED_PERSON_ADDED, orderId,
                    new ProtectedPersonChanged(order.snapshot(), person.protectedPersonId(), actor)));
        });
    }

    public OrderDocument updateProtectedPerson(String orderId, String protectedPersonId, ProtectedPersonDto p,
                                               Actor actor) {
        return change(orderId, order -> {
            order.requireActive("change");
            OrderRules.checkAdvocate(p.advocatePersonId(), order.agencies().advocacy(), directory, "advocatePersonId");
            order.updateProtectedPerson(OrderMapping.protectedPerson(protectedPersonId, p), actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_PROTECTED_PERSON_UPDATED, orderId,
                    new ProtectedPersonChanged(order.snapshot(), protectedPersonId, actor)));
        });
    }

    public OrderDocument renew(String orderId, RenewOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("renew");
            boolean untilFurtherOrder = Boolean.TRUE.equals(c.untilFurtherOrder());
            OrderRules.checkRenewal(order, c.endsOn(), untilFurtherOrder);
            LocalDate previous = order.endsOn();
            order.renew(c.endsOn(), untilFurtherOrder, actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_RENEWED, orderId,
                    new OrderRenewed(order.snapshot(), previous, actor)));
        });
    }

    public OrderDocument endInterim(String orderId, EndInterimOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("end");
            OrderRules.checkInterimEnd(c.outcome(), c.decidedOn(), order.madeOn(), OrderRules.today(clock));
            order.endInterim(c.outcome(), actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_INTERIM_ENDED, orderId,
                    new InterimOrderEnded(order.snapshot(), c.decidedOn(), actor)));
        });
    }

    public OrderDocument discharge(String orderId, DischargeOrderRequest c, Actor actor) {
        return change(orderId, order -> {
            order.requireActive("discharge");
            OrderRules.checkDischarge(c.dischargedOn(), order.madeOn(), OrderRules.today(clock));
            order.discharge(c.reason(), actor, clock.instant());
            order.addEvent(events.create(EventType.ORDER_DISCHARGED, orderId,
                    new OrderDischarged(order.snapshot(), c.dischargedOn(), actor)));
        });
    }
}
