package uk.orderwatch.breachreport.enforcement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.breachreport.CaseGuard;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

@RestController
@RequestMapping(path = "/orders/{orderId}/enforcement", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Enforcement", description = "Probation's enforcement of the programme requirement (HMPPS practice): "
        + "failures within a rolling window, reviews with a response-by date, decisions and warnings")
public class EnforcementController {

    private final NonComplianceService service;
    private final CaseGuard guard;

    public EnforcementController(NonComplianceService service, CaseGuard guard) {
        this.service = service;
        this.guard = guard;
    }

    public record DecisionRequest(@NotNull EnforcementDecision decision, @NotNull LocalDate decidedOn) {
    }

    public record WarningRequest(@NotBlank @Size(max = 64) String sessionId, @NotNull LocalDate issuedOn) {
    }

    @GetMapping
    @Operation(operationId = "getEnforcement",
            summary = "Each programme's rule, the reviews with their decisions, and the warnings given")
    public EnforcementView get(@PathVariable String orderId, Caller caller) {
        return EnforcementView.of(guard.read(orderId, caller).order(), service);
    }

    @PostMapping(path = "/reviews/{reviewId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "decideEnforcementReview",
            summary = "Record the practitioner's decision on a review (once; 409 decided-once)")
    public EnforcementView decide(@PathVariable String orderId, @PathVariable String reviewId,
                                  @Valid @RequestBody DecisionRequest request, Caller caller) {
        var known = guard.change(orderId, caller, Role.PROBATION);
        service.decide(orderId, reviewId, request.decision(), request.decidedOn(), caller.actor());
        return EnforcementView.of(known.order(), service);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/warnings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordWarning",
            summary = "Record a warning given for an unacceptable absence or a behaviour concern")
    public ResponseEntity<EnforcementView> warn(@PathVariable String orderId,
                                                @Valid @RequestBody WarningRequest request, Caller caller) {
        var known = guard.change(orderId, caller, Role.PROBATION);
        service.warn(orderId, request.sessionId(), request.issuedOn(), caller.actor());
        return ResponseEntity.status(201).body(EnforcementView.of(known.order(), service));
    }
}
