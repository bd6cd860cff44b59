package uk.orderwatch.registry.orders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.registry.orders.RegisterOrderRequest.AgenciesDto;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ConditionDto;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderDischarged;
import uk.orderwatch.schemas.events.OrderExpired;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderRenewed;
import uk.orderwatch.schemas.events.OrderServed;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderSuperseded;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.schemas.events.OrderVaried;
import uk.orderwatch.schemas.events.Programme;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Registers orders and carries out their life cycle. Every change is checked against the rules, stored with its event
 * in one compare-and-set write of the order's document (so two changes, or two instances' timers, never both apply to
 * one version), then published.
 */
@Service
public class OrderService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AgencyDirectory directory;
    private final Clock clock;

    public OrderService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, AgencyDirectory directory,
                        Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Court.ZONE));
    }

    // --- registration -----------------------------------------------------------------------------------------

    public OrderDocument register(String orderId, RegisterOrderRequest r, Actor actor) {
        OrderRules.checkRegistration(r, today(), directory);
        if (findByCourtCase(r.court().code(), r.courtCaseReference()).isPresent()) {
            throw duplicate(r);
        }
        if (r.interimOrderId() != null) {
            var interim = find(r.interimOrderId()).orElseThrow(() -> Problem.rule("interim-unknown",
                    "interimOrderId", "no order " + r.interimOrderId()));
            if (interim.orderType() != OrderType.INTERIM_SPO) {
                throw Problem.rule("interim-unknown", "interimOrderId", r.interimOrderId() + " is not an interim SPO");
            }
            interim.requireActive("supersede");
        }
        var subject = new OrderDocument.Subject(r.subject().name(),
                r.subject().aliases() == null ? List.of() : r.subject().aliases(), r.subject().dateOfBirth(),
                r.subject().homeAddress(), r.subject().pncId(), r.subject().crn());
        var protectedPersons = r.protectedPersons().stream()
                .map(p -> new OrderDocument.ProtectedPerson("pp-" + UUID.randomUUID(), p.name(), p.address(),
                        p.phone(), p.email(), p.safeContactPreferences(), p.advocatePersonId()))
                .toList();
        var order = OrderDocument.granted(orderId, r.type(),
                new Court(r.court().name(), r.court().code()), r.courtCaseReference(), r.madeOn(), r.endsOn(),
                r.endsUntilFurtherOrder(), subject, protectedPersons, conditions(r.conditions(), List.of()),
                assignments(r.agencies()), r.interimOrderId(), actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_REGISTERED, order.id(),
                new OrderRegistered(order.snapshot(), actor)));
        try {
            outbox.insert(order, order.outbox());
        } catch (DuplicateKeyException e) {
            throw duplicate(r);
        }
        if (order.pendingSupersession() != null) {
            completeSupersession(order, actor);
        }
        return order;
    }

    // --- life cycle -------------------------------------------------------------------------------------------

    public OrderDocument serve(String orderId, Commands.Serve c, Actor actor) {
        var order = require(orderId);
        long read = order.version();
        if (order.status() != OrderStatus.SERVED) {
            order.requireActive("serve");
            OrderRules.checkServedAt(c.servedAt(), order.madeOn(), clock.instant());
        }
        order.serve(c.servedAt(), actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_SERVED, orderId,
                new OrderServed(order.snapshot(), c.servedAt(), actor)));
        return save(order, read);
    }

    public OrderDocument vary(String orderId, Commands.Vary c, Actor actor) {
        var order = require(orderId);
        long read = order.version();
        order.requireActive("vary");
        List<String> changed = new ArrayList<>();
        AgenciesDto agencies = c.agencies();
        if (agencies != null) {
            OrderRules.checkAgencies(agencies, directory, "agencies");
            changed.add("agencies");
        }
        AgenciesDto effectiveAgencies = agencies != null ? agencies : dto(order.agencies());
        List<OrderCondition> newConditions = null;
        if (c.conditions() != null) {
            OrderRules.checkConditions(c.conditions(), effectiveAgencies, "conditions");
            newConditions = conditions(c.conditions(), order.conditions());
            changed.add("conditions");
        } else if (agencies != null) {
            // the supervising agencies of the current requirements must still be assigned
            OrderRules.checkConditions(order.conditions().stream().map(OrderService::dto).toList(),
                    effectiveAgencies, "conditions");
        }
        if (c.endsOn() != null || c.untilFurtherOrder() != null) {
            OrderRules.checkEnd(order.orderType(), order.madeOn(), c.endsOn(),
                    Boolean.TRUE.equals(c.untilFurtherOrder()));
            changed.add("endsOn");
        }
        if (changed.isEmpty()) {
            throw Problem.invalid("conditions", "a variation changes the conditions, the agencies or the end");
        }
        order.vary(newConditions, agencies == null ? null : assignments(agencies), c.endsOn(), c.untilFurtherOrder(),
                c.reason(), actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_VARIED, orderId,
                new OrderVaried(order.snapshot(), changed, c.reason(), actor)));
        return save(order, read);
    }

    public OrderDocument renew(String orderId, Commands.Renew c, Actor actor) {
        var order = require(orderId);
        long read = order.version();
        order.requireActive("renew");
        boolean untilFurtherOrder = Boolean.TRUE.equals(c.untilFurtherOrder());
        OrderRules.checkRenewal(order, c.endsOn(), untilFurtherOrder);
        LocalDate previous = order.endsOn();
        order.renew(c.endsOn(), untilFurtherOrder, actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_RENEWED, orderId,
                new OrderRenewed(order.snapshot(), previous, actor)));
        return save(order, read);
    }

    public OrderDocument discharge(String orderId, Commands.Discharge c, Actor actor) {
        var order = require(orderId);
        long read = order.version();
        order.requireActive("discharge");
        OrderRules.checkDischarge(c.dischargedOn(), order.madeOn(), today());
        order.discharge(c.reason(), actor, clock.instant());
        order.addEvent(events.create(EventType.ORDER_DISCHARGED, orderId,
                new OrderDischarged(order.snapshot(), c.dischargedOn(), c.reason(), actor)));
        return save(order, read);
    }

    /**
     * Expires every active order whose end date has passed. Each expiry is a compare-and-set on the order's
     * version, so when two instances run this at once each order is expired exactly once. Returns how many this
     * call expired.
     */
    public int expireDue() {
        Instant now = clock.instant();
        var due = mongo.find(query(where("expiresAt").lte(now).and("status").in(OrderDocument.ACTIVE))
                .limit(200), OrderDocument.class);
        int expired = 0;
        for (OrderDocument order : due) {
            long read = order.version();
            LocalDate endedOn = order.endsOn();
            order.expire(now);
            order.addEvent(events.create(EventType.ORDER_EXPIRED, order.id(),
                    new OrderExpired(order.snapshot(), endedOn)));
            if (compareAndSet(order, read)) {
                expired++;
            }
        }
        return expired;
    }

    /** Completes supersessions that a crash interrupted between storing a full order and updating its interim. */
    public void completePendingSupersessions() {
        var pending = mongo.find(query(where("pendingSupersession").ne(null)).limit(200), OrderDocument.class);
        for (OrderDocument full : pending) {
            if (full.history().get(0).at().isBefore(clock.instant().minusSeconds(10))) {
                completeSupersession(full, full.history().get(0).by());
            }
        }
    }

    private void completeSupersession(OrderDocument full, Actor actor) {
        find(full.pendingSupersession()).ifPresent(interim -> {
            if (!full.id().equals(interim.fullOrderId()) && interim.status() != OrderStatus.SUPERSEDED) {
                long read = interim.version();
                interim.supersede(full.id(), actor, clock.instant());
                interim.addEvent(events.create(EventType.ORDER_SUPERSEDED, interim.id(),
                        new OrderSuperseded(interim.snapshot(), actor)));
                if (!compareAndSet(interim, read)) {
                    return; // changed meanwhile: the next sweep tries again
                }
            }
            mongo.updateFirst(query(where("_id").is(full.id())),
                    new org.springframework.data.mongodb.core.query.Update().unset("pendingSupersession"),
                    OrderDocument.class);
        });
    }

    // --- storage ----------------------------------------------------------------------------------------------

    private OrderDocument save(OrderDocument order, long readVersion) {
        if (!compareAndSet(order, readVersion)) {
            throw Problem.conflict("concurrent-change", "order " + order.id()
                    + " was changed by someone else at the same time; read it again and retry");
        }
        return order;
    }

    /**
     * Stores the change if nobody else changed the order since it was read, and publishes the event of that change.
     * Events of earlier changes still in the outbox are either in flight on the fast path or waiting for the relay,
     * which sends them; sending them here too would double them.
     */
    private boolean compareAndSet(OrderDocument order, long readVersion) {
        var pending = order.outbox();
        return outbox.replace(order, readVersion, pending.subList(pending.size() - 1, pending.size()));
    }

    public Optional<OrderDocument> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, OrderDocument.class));
    }

    OrderDocument require(String orderId) {
        return find(orderId).orElseThrow(() -> Problem.notFound("Order", orderId));
    }

    private Optional<OrderDocument> findByCourtCase(String courtCode, String reference) {
        return Optional.ofNullable(mongo.findOne(query(where("court.code").is(courtCode)
                .and("courtCaseReference").is(reference)), OrderDocument.class));
    }

    private static Problem duplicate(RegisterOrderRequest r) {
        return Problem.conflict("court-case-registered-once", "an order for case " + r.courtCaseReference()
                + " at court " + r.court().code() + " is already registered");
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    /** The new condition list; a condition that names an existing id keeps it, a new one gets the next number. */
    private static List<OrderCondition> conditions(List<ConditionDto> requested, List<OrderCondition> existing) {
        int next = existing.stream().mapToInt(c -> Integer.parseInt(c.conditionId().substring(1))).max().orElse(0);
        List<OrderCondition> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            var c = requested.get(i);
            String id = c.conditionId();
            if (id != null && existing.stream().noneMatch(e -> e.conditionId().equals(id))) {
                throw Problem.rule("condition-unknown", "conditions[" + i + "].conditionId",
                        "the order has no condition " + id + "; leave conditionId out for a new condition");
            }
            if (id != null && result.stream().anyMatch(e -> e.conditionId().equals(id))) {
                throw Problem.invalid("conditions[" + i + "].conditionId", "appears twice");
            }
            var programme = c.programme() == null ? null : new Programme(c.programme().name(),
                    c.programme().provider(), c.programme().sessions(), c.programme().schedule() == null ? null
                    : new Programme.Schedule(c.programme().schedule().firstSessionAt(),
                    c.programme().schedule().intervalDays(), c.programme().schedule().durationMinutes()));
            var zone = c.zone() == null ? null : new OrderCondition.Zone(c.zone().area(), c.zone().radiusMetres());
            result.add(new OrderCondition(id != null ? id : "c" + (++next), c.category(), c.description(),
                    c.supervisingAgencyId(), programme, c.distanceMetres(), c.policeStation(), zone));
        }
        return result;
    }

    private static ConditionDto dto(OrderCondition c) {
        return new ConditionDto(c.conditionId(), c.category(), c.description(), c.supervisingAgencyId(),
                c.programme() == null ? null : new RegisterOrderRequest.ProgrammeDto(c.programme().name(),
                        c.programme().provider(), c.programme().sessions(), null),
                c.distanceMetres(), c.policeStation(),
                c.zone() == null ? null : new RegisterOrderRequest.ZoneDto(c.zone().area(), c.zone().radiusMetres()));
    }

    private static AgenciesDto dto(AgencyAssignments a) {
        return new AgenciesDto(dto(a.police()), dto(a.probation()), dto(a.advocacy()));
    }

    private static RegisterOrderRequest.AssignmentDto dto(Assignment a) {
        return a == null ? null : new RegisterOrderRequest.AssignmentDto(a.agencyId(), a.personId());
    }

    private static AgencyAssignments assignments(AgenciesDto a) {
        return new AgencyAssignments(assignment(a.police()), assignment(a.probation()), assignment(a.advocacy()));
    }

    private static Assignment assignment(RegisterOrderRequest.AssignmentDto a) {
        return a == null ? null : new Assignment(a.agencyId(), a.personId());
    }
}
