package uk.orderwatch.registry.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.registry.orders.ImportOrdersRequest.ImportedOrder;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.OrderImported;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Brings a force's existing orders in at once. Every order is checked by the rules a registration meets (and its
 * service by those of a service) and every problem of every order is answered together, before anything is stored.
 * Then each order is stored with its {@code order.imported} event, which alerts nobody, and last the import with its
 * {@code orders.imported} summary, which tells each person assigned once how many orders are theirs. Order ids come
 * from the import's id, so sending the same import again with its Idempotency-Key completes one a crash interrupted
 * and stores nothing twice.
 */
@Service
public class OrderImport {

    private final OrderStore store;
    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final AgencyDirectory directory;
    private final Clock clock;

    public OrderImport(OrderStore store, MongoTemplate mongo, EventFactory events, OutboxWriter outbox,
                       AgencyDirectory directory, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
    }

    public ImportDocument importOrders(ImportOrdersRequest request, Actor by) {
        String importId = IdempotentRequest.newId("import");
        var earlier = mongo.findById(importId, ImportDocument.class);
        if (earlier != null) {
            return earlier; // a retry of an import that completed, whose answer was lost
        }
        check(request, by.agencyId());
        Instant now = clock.instant();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < request.orders().size(); i++) {
            String orderId = UUID.nameUUIDFromBytes((importId + "/" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            orderIds.add(orderId);
            if (store.find(orderId).isEmpty()) {
                store(orderId, importId, request.orders().get(i), by, now);
            }
        }
        var summary = events.create(EventType.ORDERS_IMPORTED, importId, new OrdersImported(importId, by.agencyId(),
                orderIds.size(), assignees(orderIds), now, by));
        var done = new ImportDocument(importId, by.agencyId(), orderIds, by, now, List.of(summary));
        try {
            return outbox.insert(done, done.outbox());
        } catch (DuplicateKeyException e) {
            return mongo.findById(importId, ImportDocument.class); // the same import, sent twice at once
        }
    }

    private void store(String orderId, String importId, ImportedOrder row, Actor by, Instant now) {
        var r = row.order();
        var subject = new OrderDocument.Subject(r.subject().name(),
                r.subject().aliases() == null ? List.of() : r.subject().aliases(), r.subject().dateOfBirth(),
                r.subject().homeAddress(), r.subject().pncId(), r.subject().crn());
        var order = OrderDocument.imported(orderId, r, subject, r.protectedPersons().stream()
                        .map(p -> OrderMapping.protectedPerson(OrderMapping.newProtectedPersonId(), p)).toList(),
                OrderMapping.conditions(r.conditions(), List.of()), OrderMapping.assignments(r.agencies()),
                row.servedAt(), by, now);
        order.addEvent(events.create(EventType.ORDER_IMPORTED, orderId, new OrderImported(order.snapshot(), importId,
                by)));
        try {
            store.insert(order);
        } catch (DuplicateKeyException e) {
            // stored by an attempt of this import that a crash interrupted, or one running at the same time
        }
    }

    /** Each person assigned to any of the orders, with their role and how many. */
    private List<OrdersImported.Assignee> assignees(List<String> orderIds) {
        Map<String, OrdersImported.Assignee> people = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            var snapshot = store.require(orderId).snapshot();
            var agencies = snapshot.agencies();
            count(people, agencies.police(), RecipientRole.OFFICER_IN_CHARGE);
            count(people, agencies.probation(), RecipientRole.PROBATION_PRACTITIONER);
            agencies.advocatesToAlert().forEach(a -> count(people, a, RecipientRole.ADVOCATE_CASEWORKER));
        }
        return List.copyOf(people.values());
    }

    private static void count(Map<String, OrdersImported.Assignee> people, Assignment a, RecipientRole role) {
        if (a != null && a.personId() != null) {
            people.merge(a.agencyId() + "/" + a.personId() + "/" + role, new OrdersImported.Assignee(a.agencyId(),
                    a.personId(), role, 1), (x, y) -> new OrdersImported.Assignee(x.agencyId(), x.personId(),
                    role, x.orders() + 1));
        }
    }

    /**
     * Every problem of every order, each named {@code orders[i].<field>} with its rule, or nothing: 422
     * {@code import-invalid} with all of them, and nothing stored.
     */
    private void check(ImportOrdersRequest request, String force) {
        LocalDate today = OrderRules.today(clock);
        Instant now = clock.instant();
        List<Problem.FieldProblem> problems = new ArrayList<>();
        Set<String> cases = new HashSet<>();
        for (int i = 0; i < request.orders().size(); i++) {
            var row = request.orders().get(i);
            var r = row.order();
            String at = "orders[" + i + "].";
            if (!force.equals(r.agencies().police().agencyId())) {
                problems.add(new Problem.FieldProblem(at + "order.agencies.police.agencyId",
                        "own-force-only: must be your own force, " + force));
            }
            if (r.interimOrderId() != null) {
                problems.add(new Problem.FieldProblem(at + "order.interimOrderId", "import-no-interim: import the "
                        + "order in force; record a full order replacing an interim one after the import"));
            }
            if (!r.endsUntilFurtherOrder() && r.endsOn() != null && r.endsOn().isBefore(today)) {
                problems.add(new Problem.FieldProblem(at + "order.endsOn", "import-ended: the order ended on "
                        + r.endsOn() + "; only orders still in force are brought in"));
            }
            collect(problems, at + "order.", () -> OrderRules.checkRegistration(r, today, directory));
            if (row.servedAt() != null) {
                collect(problems, at, () -> OrderRules.checkServedAt(row.servedAt(), r.madeOn(), now));
            }
            String key = r.court().code() + "/" + r.courtCaseReference();
            if (!cases.add(key) || store.findByCourtCase(force, r.court().code(), r.courtCaseReference())
                    .isPresent()) {
                problems.add(new Problem.FieldProblem(at + "order.courtCaseReference", "court-case-registered-once: "
                        + "case " + r.courtCaseReference() + " at court " + r.court().code() + " is already in "
                        + "orderwatch or twice in this import"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-invalid", "The import has problems",
                    problems.size() + " problem(s) in " + request.orders().size() + " order(s); nothing was stored",
                    problems);
        }
    }

    private static void collect(List<Problem.FieldProblem> problems, String prefix, Runnable check) {
        try {
            check.run();
        } catch (Problem p) {
            p.errors().forEach(e -> problems.add(new Problem.FieldProblem(prefix + e.field(), p.code() + ": "
                    + e.reason())));
        }
    }
}
