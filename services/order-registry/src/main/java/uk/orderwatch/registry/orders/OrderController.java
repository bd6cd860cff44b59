package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ProtectedPersonDto;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.CaseAccess;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Granted orders registered by the police, through their whole life. Police "
        + "see and change their own force's orders; the probation delivery unit and advocacy service assigned to an "
        + "order see it (probation without protected persons); any other order answers 404.")
public class OrderController {

    private static final String ORDER = "order";

    private final OrderStore orders;
    private final OrderRegistration registration;
    private final OrderChanges changes;
    private final OrderQueries queries;
    private final OrderImport imports;
    private final AuditLog audit;

    public OrderController(OrderStore orders, OrderRegistration registration, OrderChanges changes,
                           OrderQueries queries, OrderImport imports, AuditLog audit) {
        this.orders = orders;
        this.registration = registration;
        this.changes = changes;
        this.queries = queries;
        this.imports = imports;
        this.audit = audit;
    }

    /** The order, if it exists and the caller may see it. */
    private java.util.Optional<OrderDocument> find(String orderId, Caller caller) {
        return orders.find(orderId).filter(o -> CaseAccess.canSee(caller, o.agencies()));
    }

    /** The order, if the caller may see it; otherwise 404, as if it did not exist. */
    private OrderDocument visible(String orderId, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        return find(orderId, caller).orElseThrow(() -> Problem.notFound("Order", orderId));
    }

    /** A change by the police of the force holding the order: audited before it is made. */
    private Actor changing(String orderId, Caller caller) {
        caller.require(Role.POLICE);
        visible(orderId, caller);
        audit.change(caller, ORDER, orderId);
        return caller.actor();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "registerOrder", summary = "Register an order the court granted",
            description = "Stores the order and publishes order.registered. The same court case reference at the "
                    + "same court is registered once: a second try answers 409. A full SPO that names "
                    + "interimOrderId supersedes that interim order (order.superseded).")
    public ResponseEntity<OrderView> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.SPO)))
            @Valid @RequestBody RegisterOrderRequest request, Caller caller) {
        caller.require(Role.POLICE);
        if (!caller.agencyId().equals(request.agencies().police().agencyId())) {
            throw Problem.rule("own-force-only", "agencies.police.agencyId",
                    "must be your own force, " + caller.agencyId());
        }
        if (request.interimOrderId() != null && find(request.interimOrderId(), caller).isEmpty()) {
            throw Problem.rule("interim-unknown", "interimOrderId", "no order " + request.interimOrderId());
        }
        String orderId = IdempotentRequest.newId("order");
        audit.change(caller, ORDER, orderId);
        OrderDocument order = registration.register(orderId, request, caller.actor());
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(OrderDisclosure.view(order, caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bring in a force's existing orders at once (order.imported, orders.imported)",
            description = "Police only, for their own force; up to 500 orders, each as a registration with when it "
                    + "was served. Validated whole: any problem answers 422 import-invalid naming every order's "
                    + "fields (orders[i]...) and stores nothing. Imported orders alert nobody one by one: no alert "
                    + "for a past service or past sessions; each person assigned is told once how many are theirs. "
                    + "Send it with an Idempotency-Key: sent again, it completes an import a failure interrupted.")
    public ResponseEntity<ImportView> importOrders(@Valid @RequestBody ImportOrdersRequest request,
                                                       Caller caller) {
        caller.require(Role.POLICE);
        var done = imports.importOrders(request, caller.actor());
        audit.change(caller, ORDER, done.orderIds());
        return ResponseEntity.created(URI.create("/orders/imports/" + done.importId())).body(ImportView.of(done));
    }

    @PostMapping(path = "/{orderId}/service", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "serveOrder", summary = "Record that the order was served on the subject (order.served)",
            description = "409 serve-once when already served; 409 serve-active-only when it has ended.")
    public OrderView serve(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.SERVE)))
            @Valid @RequestBody ServeOrderRequest command, Caller caller) {
        return OrderDisclosure.view(changes.serve(orderId, command, changing(orderId, caller)), caller);
    }

    @PostMapping(path = "/{orderId}/variations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "varyOrder",
            summary = "Record that the court varied the conditions or the end (order.varied)",
            description = "The previous version stays readable at /orders/{orderId}/versions/{version}. Who works "
                    + "the case is not varied by a court: see /orders/{orderId}/reassignments.")
    public OrderView vary(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.VARY)))
            @Valid @RequestBody VaryOrderRequest command, Caller caller) {
        return OrderDisclosure.view(changes.vary(orderId, command, changing(orderId, caller)), caller);
    }

    @PostMapping(path = "/{orderId}/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reassignOrder",
            summary = "Move the case to another person or agency of one kind (order.reassigned)",
            description = "Not a court's decision, and never told as one. The police of the force holding the order "
                    + "reassign any kind (the officer in charge stays within the force); a supervisor of the "
                    + "assigned probation delivery unit or advocacy service reallocates their own agency's case. "
                    + "When the agency changes, the requirements the old one supervised move with the case.")
    public OrderView reassign(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.REASSIGN)))
            @Valid @RequestBody ReassignOrderRequest command, Caller caller) {
        var order = visible(orderId, caller);
        if (!caller.is(Role.POLICE)) {
            AgencyKind own = caller.is(Role.PROBATION) ? AgencyKind.PROBATION : AgencyKind.ADVOCACY;
            if (!caller.supervisor() || command.agencyKind() != own) {
                throw Problem.forbidden("only the police, or a supervisor reallocating their own agency's case, "
                        + "may reassign");
            }
            if (!caller.agencyId().equals(command.agencyId())) {
                throw Problem.rule("own-agency-only", "agencyId", "must be your own agency, " + caller.agencyId());
            }
        }
        audit.change(caller, ORDER, order.id());
        return OrderDisclosure.view(changes.reassign(orderId, command, caller.actor()), caller);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{orderId}/protected-persons", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a person the order protects (order.protected-person-added)",
            description = "Police only. Their details stay in order-registry; the event carries their id alone.")
    public ResponseEntity<OrderView> addProtectedPerson(@PathVariable String orderId,
            @Valid @RequestBody ProtectedPersonDto person, Caller caller) {
        var order = changes.addProtectedPerson(orderId, person, changing(orderId, caller));
        return ResponseEntity.created(URI.create("/orders/" + orderId)).body(OrderDisclosure.view(order, caller));
    }

    @PutMapping(path = "/{orderId}/protected-persons/{protectedPersonId}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a protected person's details (order.protected-person-updated)",
            description = "The police of the force, or the advocate assigned to that person: a move, a new phone, "
                    + "new safe-contact preferences. Anyone else, and a person the caller cannot see, answers 404.")
    public OrderView updateProtectedPerson(@PathVariable String orderId, @PathVariable String protectedPersonId,
            @Valid @RequestBody ProtectedPersonDto person, Caller caller) {
        caller.require(Role.POLICE, Role.ADVOCATE);
        var order = visible(orderId, caller);
        boolean canSee = OrderDisclosure.protectedPersons(order.protectedPersons(), caller).stream()
                .anyMatch(p -> p.protectedPersonId().equals(protectedPersonId));
        if (!canSee) {
            throw Problem.notFound("Protected person", protectedPersonId);
        }
        audit.change(caller, ORDER, orderId);
        return OrderDisclosure.view(changes.updateProtectedPerson(orderId, protectedPersonId, person,
                caller.actor()), caller);
    }

    @PostMapping(path = "/{orderId}/renewals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "renewOrder",
            summary = "Record a renewal to a later end or until further order (order.renewed)")
    public OrderView renew(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.RENEW)))
            @Valid @RequestBody RenewOrderRequest command, Caller caller) {
        return OrderDisclosure.view(changes.renew(orderId, command, changing(orderId, caller)), caller);
    }

    @PostMapping(path = "/{orderId}/interim-end", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that an interim SPO ended without a full order (order.interim-ended)",
            description = "The court refused the full order, or the application was withdrawn. A full order granted "
                    + "is registered instead, naming the interim order in interimOrderId. 409 interim-only for any "
                    + "other type of order.")
    public OrderView endInterim(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.INTERIM_END)))
            @Valid @RequestBody EndInterimOrderRequest command, Caller caller) {
        return OrderDisclosure.view(changes.endInterim(orderId, command, changing(orderId, caller)), caller);
    }

    @PostMapping(path = "/{orderId}/discharge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "dischargeOrder",
            summary = "Record that the court discharged the order (order.discharged)")
    public OrderView discharge(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.DISCHARGE)))
            @Valid @RequestBody DischargeOrderRequest command, Caller caller) {
        return OrderDisclosure.view(changes.discharge(orderId, command, changing(orderId, caller)), caller);
    }

    @GetMapping("/{orderId}")
    @Operation(operationId = "getOrder", summary = "One order, with its conditions, agencies and protected persons")
    public OrderView get(@PathVariable String orderId, Caller caller) {
        var order = visible(orderId, caller);
        audit.read(caller, ORDER, orderId);
        return OrderDisclosure.view(order, caller);
    }

    @GetMapping("/{orderId}/history")
    @Operation(operationId = "getOrderHistory",
            summary = "Every change to the order: what, by whom, when, why, and the terms after it")
    public List<OrderDocument.HistoryEntry> history(@PathVariable String orderId, Caller caller) {
        var order = visible(orderId, caller);
        audit.read(caller, ORDER, orderId);
        return OrderDisclosure.history(order.history(), caller);
    }

    @GetMapping("/{orderId}/versions/{version}")
    @Operation(operationId = "getOrderVersion",
            summary = "The order's terms at one version (earlier versions stay readable after a variation)")
    public OrderDocument.HistoryEntry version(@PathVariable String orderId, @PathVariable long version,
                                              Caller caller) {
        var entry = visible(orderId, caller).history().stream()
                .filter(h -> h.version() == version && OrderDisclosure.shown(h, caller)).findFirst()
                .orElseThrow(() -> Problem.notFound("Version", orderId + "/" + version));
        audit.read(caller, ORDER, orderId);
        return OrderDisclosure.history(entry, caller);
    }

    @GetMapping
    @Operation(operationId = "searchOrders",
            summary = "Search orders", description = "By part of the subject's name or alias (subject), the "
            + "subject's PNC id or CRN (identifier), court case reference, status and police force; paged.")
    public PageResult<OrderSummary> search(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String courtCaseReference,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) String force,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        return audited(caller, queries.search(caller, subject, identifier, courtCaseReference, status, force, page,
                size));
    }

    @GetMapping("/expiring")
    @Operation(operationId = "expiringOrders",
            summary = "Active orders whose fixed end falls within the next withinDays days, soonest first")
    public PageResult<OrderSummary> expiring(
            @RequestParam(defaultValue = "30") @Min(0) @Max(3650) int withinDays,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        return audited(caller, queries.expiringWithin(caller, withinDays, page, size));
    }

    private PageResult<OrderSummary> audited(Caller caller, PageResult<OrderSummary> result) {
        if (!result.items().isEmpty()) {
            audit.read(caller, ORDER, result.items().stream().map(OrderSummary::orderId).toList());
        }
        return result;
    }
}
