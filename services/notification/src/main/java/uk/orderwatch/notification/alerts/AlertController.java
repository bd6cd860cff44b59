package uk.orderwatch.notification.alerts;

import io.swagger.v3.oas.annotations.Operation;
import uk.orderwatch.notification.ApiExamples;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.web.PageResult;

@RestController
@Validated
@RequestMapping(path = "/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "The inbox: alerts raised for the police, probation and advocates")
public class AlertController {

    private final AlertService alerts;
    private final AlertStream stream;

    public AlertController(AlertService alerts, AlertStream stream) {
        this.alerts = alerts;
        this.stream = stream;
    }

    @GetMapping
    @Operation(summary = "Alerts, newest first",
            description = "Filter by recipient (personId), agency, order, priority, unread and unacknowledged.")
    public PageResult<AlertView> list(
            @Parameter(description = "the recipient") @RequestParam(required = false) String personId,
            @Parameter(description = "the recipient's agency") @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) Severity priority,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Boolean unacknowledged,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return alerts.search(new AlertService.Filter(personId, agencyId, orderId, priority, unread, unacknowledged),
                page, size);
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "One alert, with its deliveries and acknowledgement")
    public AlertView get(@PathVariable String alertId) {
        return AlertView.of(alerts.require(alertId));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live alerts of one recipient (Server-Sent Events; event id = alert id)",
            description = "Reconnect with Last-Event-ID to receive first what was raised meanwhile.")
    public SseEmitter stream(@RequestParam @NotBlank String personId,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.subscribe(personId, alerts.after(personId, lastEventId));
    }

    /** An acknowledgement: who takes the alert on, with an optional note (kept in notification). */
    public record Acknowledge(@NotBlank @Size(max = 64) String personId, @Size(max = 2000) String note) {
    }

    @PostMapping(path = "/{alertId}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Acknowledge an alert: its escalation (and its chain's) stops",
            description = "HIGH alerts must be acknowledged within 15 minutes, MEDIUM within 4 hours; otherwise "
                    + "they go to the next person in the agency's escalation chain.")
    public ResponseEntity<AlertView> acknowledge(@PathVariable String alertId,

            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.ACKNOWLEDGE)))
            @Valid @RequestBody Acknowledge request) {
        return ResponseEntity.status(201).body(AlertView.of(alerts.acknowledge(alertId, request.personId(),
                request.note())));
    }

    /** The reader of an alert. */
    public record Read(@NotBlank @Size(max = 64) String personId) {
    }

    @PostMapping(path = "/{alertId}/read", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an alert read")
    public AlertView read(@PathVariable String alertId, @Valid @RequestBody Read request) {
        return AlertView.of(alerts.markRead(alertId, request.personId()));
    }
}
