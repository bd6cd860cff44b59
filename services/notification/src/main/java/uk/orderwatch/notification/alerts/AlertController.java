package uk.orderwatch.notification.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.orderwatch.notification.ApiExamples;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "The inbox: alerts raised for the police, probation and advocates")
public class AlertController {

    private final AlertQueries alerts;
    private final Acknowledgements acknowledgements;
    private final AlertStream stream;
    private final AuditLog audit;
    private final Escalations escalations;

    public AlertController(AlertQueries alerts, Acknowledgements acknowledgements, AlertStream stream,
                           AuditLog audit, Escalations escalations) {
        this.escalations = escalations;
        this.alerts = alerts;
        this.acknowledgements = acknowledgements;
        this.stream = stream;
        this.audit = audit;
    }

    /**
     * An alert is visible to its recipient and to the supervisors of the recipient's agency; to anyone else it
     * answers 404, as if it did not exist.
     */
    static boolean canSee(Caller caller, AlertDocument alert) {
        return alert.isFor(caller.agencyId(), caller.personId())
                || alert.isSupervisedBy(caller);
    }

    private AlertDocument visible(String alertId, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        return alerts.find(alertId).filter(a -> canSee(caller, a))
                .orElseThrow(() -> Problem.notFound("Alert", alertId));
    }

    @GetMapping
    @Operation(operationId = "listAlerts", summary = "Alerts, newest first",
            description = "Filter by recipient (personId), agency, order, priority, unread and unacknowledged.")
    public PageResult<AlertView> list(
            @Parameter(description = "the recipient") @RequestParam(required = false) String personId,
            @Parameter(description = "the recipient's agency") @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) Severity priority,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Boolean unacknowledged,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        boolean others = personId != null && !personId.equals(caller.personId());
        if ((others && !caller.supervisor()) || (agencyId != null && !agencyId.equals(caller.agencyId()))) {
            throw Problem.forbidden("Only a supervisor sees other people's alerts, and only in their own agency");
        }
        // a supervisor sees everyone's alerts in their agency; anyone else their own
        String recipient = caller.supervisor() ? personId : caller.personId();
        var result = alerts.search(new AlertQueries.Filter(recipient, caller.agencyId(), orderId, priority, unread,
                unacknowledged), page, size);
        if (!result.items().isEmpty()) {
            audit.read(caller, AlertDocument.AUDIT_RESOURCE, result.items().stream().map(AlertView::alertId).toList());
        }
        return result;
    }

    @GetMapping("/{alertId}")
    @Operation(operationId = "getAlert", summary = "One alert, with its deliveries and acknowledgement")
    public AlertView get(@PathVariable String alertId, Caller caller) {
        var alert = visible(alertId, caller);
        audit.read(caller, AlertDocument.AUDIT_RESOURCE, alertId);
        return AlertView.of(alert);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamAlerts",
            summary = "The caller's live alerts (Server-Sent Events; event id = alert id)",
            description = "Reconnect with Last-Event-ID to receive first what was raised meanwhile, and, so that "
                    + "none is missed where several instances raise alerts, what was raised up to a minute before "
                    + "it: an alert already received comes again with the same event id. Each alert sent "
                    + "is recorded in the audit log as a disclosure.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A stream of Server-Sent "
            + "Events that stays open: a comment line first, then one event per alert for the caller, `event: alert`, "
            + "`id:` the alert id and `data:` the alert as JSON, as this schema describes",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AlertView.class)))
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        return stream.subscribe(caller.agencyId(), caller.personId(),
                () -> alerts.after(caller.agencyId(), caller.personId(), lastEventId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{alertId}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "acknowledgeAlert",
            summary = "Acknowledge an alert: its escalation (and its chain's) stops",
            description = "By its recipient, within the wait of their step of the agency's escalation policy; "
                    + "otherwise it goes to the policy's next step. A supervisor of the recipient's agency "
                    + "acknowledges it ON_BEHALF of them or TAKING_OVER, recorded as such.")
    public ResponseEntity<AlertView> acknowledge(@PathVariable String alertId,

            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.ACKNOWLEDGE)))
            @Valid @RequestBody AcknowledgeAlertRequest request, Caller caller) {
        visible(alertId, caller);
        audit.change(caller, AlertDocument.AUDIT_RESOURCE, alertId);
        return ResponseEntity.status(201).body(AlertView.of(acknowledgements.acknowledge(alertId, caller,
                request.note(), request.as())));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{alertId}/reassignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reassignAlert",
            summary = "A supervisor hands an alert nobody has taken on to a named colleague",
            description = "The colleague (a person of the recipient's agency) gets an alert of their own with the "
                    + "same step's time to acknowledge; the policy walks on from there if they do not. Published as "
                    + "alert.escalated with reason reassigned. 422 when the alert was acknowledged or escalated.")
    public ResponseEntity<AlertView> reassign(@PathVariable String alertId,
                                              @Valid @RequestBody ReassignAlertRequest request, Caller caller) {
        var alert = visible(alertId, caller);
        audit.change(caller, AlertDocument.AUDIT_RESOURCE, alertId, List.of("reassigned to " + request.personId()));
        return ResponseEntity.status(201).body(AlertView.of(escalations.reassign(alert, request.personId(),
                caller)));
    }

    @PostMapping(path = "/{alertId}/read")
    @Operation(operationId = "markAlertRead", summary = "Mark an alert read (by its recipient)")
    public AlertView read(@PathVariable String alertId, Caller caller) {
        visible(alertId, caller);
        audit.change(caller, AlertDocument.AUDIT_RESOURCE, alertId);
        return AlertView.of(acknowledgements.markRead(alertId, caller.agencyId(), caller.personId()));
    }
}
