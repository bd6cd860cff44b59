package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Granted orders registered by the police, through their whole life")
public class OrderController {

    private final OrderService orders;
    private final OrderQueries queries;

    public OrderController(OrderService orders, OrderQueries queries) {
        this.orders = orders;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an order the court granted",
            description = "Stores the order and publishes order.registered. The same court case reference at the "
                    + "same court is registered once: a second try answers 409. A full SPO that names "
                    + "interimOrderId supersedes that interim order (order.superseded).")
    public ResponseEntity<OrderView> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.SPO)))
            @Valid @RequestBody RegisterOrderRequest request) {
        OrderDocument order = orders.register(request);
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(OrderView.of(order));
    }

    @PostMapping(path = "/{orderId}/service", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the order was served on the subject (order.served)",
            description = "409 serve-once when already served; 409 serve-active-only when it has ended.")
    public OrderView serve(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.SERVE)))
            @Valid @RequestBody Commands.Serve command) {
        return OrderView.of(orders.serve(orderId, command));
    }

    @PostMapping(path = "/{orderId}/variations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a variation of the conditions, agencies or end (order.varied)",
            description = "The previous version stays readable at /orders/{orderId}/versions/{version}.")
    public OrderView vary(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.VARY)))
            @Valid @RequestBody Commands.Vary command) {
        return OrderView.of(orders.vary(orderId, command));
    }

    @PostMapping(path = "/{orderId}/renewals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a renewal to a later end or until further order (order.renewed)")
    public OrderView renew(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.RENEW)))
            @Valid @RequestBody Commands.Renew command) {
        return OrderView.of(orders.renew(orderId, command));
    }

    @PostMapping(path = "/{orderId}/discharge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the court discharged the order (order.discharged)")
    public OrderView discharge(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.DISCHARGE)))
            @Valid @RequestBody Commands.Discharge command) {
        return OrderView.of(orders.discharge(orderId, command));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order, with its conditions, agencies and protected persons")
    public OrderView get(@PathVariable String orderId) {
        return OrderView.of(orders.require(orderId));
    }

    @GetMapping("/{orderId}/history")
    @Operation(summary = "Every change to the order: what, by whom, when, why, and the terms after it")
    public List<OrderDocument.HistoryEntry> history(@PathVariable String orderId) {
        return orders.require(orderId).history();
    }

    @GetMapping("/{orderId}/versions/{version}")
    @Operation(summary = "The order's terms at one version (earlier versions stay readable after a variation)")
    public OrderDocument.HistoryEntry version(@PathVariable String orderId, @PathVariable long version) {
        return orders.require(orderId).history().stream().filter(h -> h.version() == version).findFirst()
                .orElseThrow(() -> Problem.notFound("Version", orderId + "/" + version));
    }

    @GetMapping
    @Operation(summary = "Search orders", description = "By part of the subject's name or alias (subject), the "
            + "subject's PNC id or CRN (identifier), court case reference, status and police force; paged.")
    public PageResult<OrderSummary> search(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String courtCaseReference,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) String force,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.search(subject, identifier, courtCaseReference, status, force, page, size);
    }

    @GetMapping("/expiring")
    @Operation(summary = "Active orders whose fixed end falls within the next withinDays days, soonest first")
    public PageResult<OrderSummary> expiring(
            @RequestParam(defaultValue = "30") @Min(0) @Max(3650) int withinDays,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.expiringWithin(withinDays, page, size);
    }
}
