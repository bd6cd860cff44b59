package uk.orderwatch.registry.orders;

import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderSuperseded;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.web.Problem;

/**
 * Registers the orders a court granted, once per court case and force; a full SPO that names the interim SPO it replaces
 * supersedes it, and a supersession a crash interrupted is completed by the next sweep.
 */
@Service
public class OrderRegistration {

    private final OrderStore store;
    private final EventFactory events;
    private final AgencyDirectory directory;
    private final Clock clock;

    public OrderRegistration(OrderStore store, EventFactory events, AgencyDirectory directory, Clock clock) {
        this.store = store;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    public OrderDocument register(String orderId, RegisterOrderRequest r, Actor actor) {
        if (IdempotentRequest.current().isPresent()) {
            // the id comes from the Idempotency-Key: a retry whose first answer was lost finds the order it made
            var earlier = store.find(orderId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        OrderRules.checkRegistration(r, OrderRules.today(clock), directory);
        String force = r.agencies().police().agencyId();
        var sameCase = store.findByCourtCase(force, r.court().code(), r.courtCaseReference());
        if (sameCase.isPresent()) {
            if (sameCase.get().id().equals(orderId)) {
                return sameCase.get(); // an earlier attempt of this request, running at the same time, stored it
            }
            throw duplicate(r);
        }
        NotificationExemption exemption = r.notificationExemption();
        if (r.interimOrderId() != null) {
            // another force's interim order is answered as one that does not exist
            var interim = store.find(r.interimOrderId())
                    .filter(o -> o.agencies().police().agencyId().equals(force))
                    .orElseThrow(() -> Problem.rule("interim-unknown", "interimOrderId", "no order "
                            + r.interimOrderId()));
            if (interim.orderType() != OrderType.INTERIM_SPO) {
                throw Problem.rule("interim-unknown", "interimOrderId", r.interimOrderId() + " is not an interim SPO");
            }
            interim.requireActive("supersede");
            if (interim.servedAt() != null && exemption == null) {
                exemption = NotificationExemption.REPLACES_SERVED_INTERIM; // s.9(1)(a)
            }
        }
        var subject = new OrderDocument.Subject(r.subject().name(),
                r.subject().aliases() == null ? List.of() : r.subject().aliases(), r.subject().dateOfBirth(),
                r.subject().homeAddress(), r.subject().pncId(), r.subject().crn());
        var protectedPersons = r.protectedPersons().stream()
                .map(p -> OrderMapping.protectedPerson(OrderMapping.newProtectedPersonId(), p))
                .toList();
        var order = OrderDocument.granted(orderId, r.type(),
                new Court(r.court().name(), r.court().code()), r.courtCaseReference(), r.madeOn(), r.endsOn(),
                r.endsUntilFurtherOrder(), subject, protectedPersons,
                OrderMapping.conditions(r.conditions(), List.of()), OrderMapping.assignments(r.agencies()),
                r.interimOrderId(), exemption, actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_REGISTERED, order.id(),
                new OrderRegistered(order.snapshot(), actor)));
        try {
            store.insert(order);
        } catch (DuplicateKeyException e) {
            var earlier = store.find(orderId);
            if (IdempotentRequest.current().isPresent() && earlier.isPresent()) {
                return earlier.get(); // an earlier attempt of this request got there first
            }
            throw duplicate(r);
        }
        if (order.pendingSupersession() != null) {
            completeSupersession(order, actor);
        }
        return order;
    }

    /** Completes supersessions that a crash interrupted between storing a full order and updating its interim. */
    public void completePendingSupersessions() {
        var pending = store.pendingSupersessions();
        for (OrderDocument full : pending) {
            if (full.history().get(0).at().isBefore(clock.instant().minusSeconds(10))) {
                completeSupersession(full, full.history().get(0).by());
            }
        }
    }

    private void completeSupersession(OrderDocument full, Actor actor) {
        store.find(full.pendingSupersession()).ifPresent(interim -> {
            if (!full.id().equals(interim.fullOrderId()) && interim.status() != OrderStatus.SUPERSEDED) {
                long read = interim.version();
                interim.supersede(full.id(), actor, clock.instant());
                interim.addEvent(events.create(EventType.ORDER_SUPERSEDED, interim.id(),
                        new OrderSuperseded(interim.snapshot(), actor)));
                if (!store.compareAndSet(interim, read)) {
                    return; // changed meanwhile: the next sweep tries again
                }
            }
            store.supersessionDone(full.id());
        });
    }

    private static Problem duplicate(RegisterOrderRequest r) {
        return Problem.conflict("court-case-registered-once", "an order for case " + r.courtCaseReference()
                + " at court " + r.court().code() + " is already registered");
    }
}
