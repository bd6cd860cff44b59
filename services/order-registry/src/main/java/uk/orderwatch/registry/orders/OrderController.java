package uk.orderwatch.registry.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.web.Problem;

@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Granted orders registered by the police")
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an order the court granted",
            description = "Stores the order and publishes order.registered. The same court case reference at the "
                    + "same court is registered once: a second try answers 409.")
    public ResponseEntity<OrderView> register(@Valid @RequestBody RegisterOrderRequest request) {
        OrderDocument order = orders.register(request);
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(OrderView.of(order));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order, with its conditions, agencies, protected persons and history")
    public OrderView get(@PathVariable String orderId) {
        return orders.find(orderId).map(OrderView::of).orElseThrow(() -> Problem.notFound("Order", orderId));
    }
}
