package uk.orderwatch.registry.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.web.Problem;

/** Registers orders: checks the rules, stores the order with its event in one write, then publishes the event. */
@Service
public class OrderService {

    /** Orders are made by courts in England and Wales: "today" is the day there. */
    static final ZoneId COURT_ZONE = ZoneId.of("Europe/London");

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxPublisher publisher;
    private final Clock clock;

    public OrderService(MongoTemplate mongo, EventFactory events, OutboxPublisher publisher, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        mongo.indexOps(OrderDocument.class).createIndex(new Index().on("court.code", Sort.Direction.ASC)
                .on("courtCaseReference", Sort.Direction.ASC).unique().named("one_order_per_court_case"));
    }

    public OrderDocument register(RegisterOrderRequest r) {
        OrderRules.check(r, LocalDate.now(clock.withZone(COURT_ZONE)));
        if (findByCourtCase(r.court().code(), r.courtCaseReference()).isPresent()) {
            throw duplicate(r);
        }
        String orderId = UUID.randomUUID().toString();
        Actor actor = new Actor(r.registeredBy().personId(), r.registeredBy().agencyId());
        var subject = new OrderDocument.Subject(r.subject().name(),
                r.subject().aliases() == null ? List.of() : r.subject().aliases(), r.subject().dateOfBirth(),
                r.subject().homeAddress(), r.subject().pncId(), r.subject().crn());
        var protectedPersons = r.protectedPersons().stream()
                .map(p -> new OrderDocument.ProtectedPerson("pp-" + UUID.randomUUID(), p.name(), p.address(),
                        p.phone(), p.email(), p.safeContactPreferences()))
                .toList();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < r.conditions().size(); i++) {
            var c = r.conditions().get(i);
            var programme = c.programme() == null ? null : new uk.orderwatch.schemas.events.Programme(
                    c.programme().name(), c.programme().provider(), c.programme().sessions());
            conditions.add(new Condition("c" + (i + 1), c.category(), c.description(), c.supervisingAgencyId(),
                    programme));
        }
        var agencies = new AgencyAssignments(assignment(r.agencies().police()),
                assignment(r.agencies().probation()), assignment(r.agencies().advocacy()));

        var draft = new OrderDocument(orderId, 1, r.type(), OrderStatus.GRANTED,
                new Court(r.court().name(), r.court().code()), r.courtCaseReference(), r.madeOn(), null, r.endsOn(),
                r.endsUntilFurtherOrder(), subject, protectedPersons, conditions, agencies,
                List.of(new OrderDocument.HistoryEntry(1, "registered", actor, clock.instant())), List.of());
        OutboxEvent event = events.create(EventType.ORDER_REGISTERED, orderId,
                new OrderRegistered(draft.snapshot(), actor));
        var order = withOutbox(draft, List.of(event));
        try {
            mongo.insert(order);
        } catch (DuplicateKeyException e) {
            throw duplicate(r);
        }
        publisher.publishAfterWrite(OrderDocument.COLLECTION, orderId, order.outbox());
        return order;
    }

    public Optional<OrderDocument> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, OrderDocument.class));
    }

    private Optional<OrderDocument> findByCourtCase(String courtCode, String reference) {
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("court.code").is(courtCode)
                        .and("courtCaseReference").is(reference));
        return Optional.ofNullable(mongo.findOne(query, OrderDocument.class));
    }

    private static Problem duplicate(RegisterOrderRequest r) {
        return Problem.conflict("court-case-registered-once", "an order for case " + r.courtCaseReference()
                + " at court " + r.court().code() + " is already registered");
    }

    private static Assignment assignment(RegisterOrderRequest.AssignmentDto a) {
        return a == null ? null : new Assignment(a.agencyId(), a.personId());
    }

    private static OrderDocument withOutbox(OrderDocument o, List<OutboxEvent> outbox) {
        return new OrderDocument(o.id(), o.version(), o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(), o.protectedPersons(),
                o.conditions(), o.agencies(), o.history(), outbox);
    }
}
