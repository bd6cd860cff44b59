package uk.orderwatch.breachreport.breaches;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.breachreport.ApiExamples;
import uk.orderwatch.breachreport.CaseGuard;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/orders/{orderId}/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Breaches", description = "Breaches of an order reported by police, probation or an advocate")
public class BreachController {

    private final BreachService breaches;
    private final CaseGuard guard;

    public BreachController(BreachService breaches, CaseGuard guard) {
        this.breaches = breaches;
        this.guard = guard;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportBreach", summary = "Report a breach of one of the order's conditions",
            description = "Publishes breach.reported; the police, probation and advocate of the order are alerted. "
                    + "A breach before the order was served is accepted and flagged beforeService.")
    public ResponseEntity<BreachView> report(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.BREACH)))
            @Valid @RequestBody ReportBreachRequest request, Caller caller) {
        guard.change(orderId, caller, Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        var breach = breaches.report(orderId, request, caller.actor());
        return ResponseEntity.status(201)
                .location(URI.create("/orders/" + orderId + "/breaches/" + breach.breachId()))
                .body(BreachView.of(breach, caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{breachId}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordBreachOutcome",
            summary = "Record what the police did next about the breach (breach.outcome-recorded)",
            description = "Police of the force holding the order. One step at a time, in the order they happened: "
                    + "attended, arrested or interviewed, released under investigation, charged; no further action "
                    + "(with its reason), convicted or acquitted end it (409 breach-closed after). A verdict follows "
                    + "a charge. The practitioner and the advocate are alerted, each in their own words.")
    public ResponseEntity<BreachView> recordOutcome(@PathVariable String orderId, @PathVariable String breachId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.BREACH_OUTCOME)))
            @Valid @RequestBody RecordOutcomeRequest request, Caller caller) {
        guard.change(orderId, caller, Role.POLICE);
        var breach = breaches.recordOutcome(orderId, breachId, request, caller.actor());
        return ResponseEntity.status(201).body(BreachView.of(breach, caller));
    }

    @GetMapping("/{breachId}")
    @Operation(operationId = "getBreach", summary = "One breach report")
    public BreachView get(@PathVariable String orderId, @PathVariable String breachId, Caller caller) {
        guard.read(orderId, caller);
        return breaches.find(orderId, breachId).map(b -> BreachView.of(b, caller))
                .orElseThrow(() -> Problem.notFound("Breach", breachId));
    }
}
