package uk.orderwatch.breachreport.requirements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import uk.orderwatch.breachreport.ApiExamples;
import uk.orderwatch.breachreport.CaseGuard;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

@RestController
@RequestMapping(path = "/orders/{orderId}/notification-requirement", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notification requirement", description = "The subject's duty to notify names and address after service")
public class NotificationRequirementController {

    private final NotificationRequirementService requirements;
    private final CaseGuard guard;

    public NotificationRequirementController(NotificationRequirementService requirements, CaseGuard guard) {
        this.requirements = requirements;
        this.guard = guard;
    }

    @GetMapping
    @Operation(operationId = "getNotificationRequirement",
            summary = "The requirement's clock and the notifications recorded")
    public NotificationRequirementView get(@PathVariable String orderId, Caller caller) {
        guard.read(orderId, caller);
        return requirements.find(orderId).map(r -> NotificationRequirementView.of(r, caller))
                .orElseThrow(() -> Problem.notFound("Notification requirement", orderId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordNotification",
            summary = "Record that the subject notified the police (INITIAL names and address, or a CHANGE)",
            description = "The INITIAL notification stops the 3-day clock. If the clock runs out first, "
                    + "notification-requirement.overdue alerts the officer in charge.")
    public ResponseEntity<NotificationRequirementView> record(@PathVariable String orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.NOTIFIED)))
            @Valid @RequestBody RecordNotificationRequest request, Caller caller) {
        guard.change(orderId, caller, Role.POLICE);
        return ResponseEntity.status(201).body(NotificationRequirementView.of(requirements.record(orderId, request,
                caller.actor()), caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "openNotificationChange",
            summary = "Record a change of name or home address the police learnt of, not yet notified",
            description = "The subject must notify it within 3 days beginning with the day of the change (s.9(4)); "
                    + "if the police have not recorded that notification by then, notification-requirement.overdue "
                    + "alerts the officer in charge. 409 change-known for a day already recorded.")
    public ResponseEntity<NotificationRequirementView> openChange(@PathVariable String orderId,
            @Valid @RequestBody RecordNotificationRequest.ChangeRequest request, Caller caller) {
        guard.change(orderId, caller, Role.POLICE);
        return ResponseEntity.status(201).body(NotificationRequirementView.of(requirements.openChange(orderId,
                request, caller.actor()), caller));
    }

    /**
     * The requirement as the caller may see it: the names and address the subject notified are read by the police
     * alone.
     */
    public record NotificationRequirementView(String orderId, java.time.Instant servedAt, java.time.Instant dueAt,
                                              NotificationRequirement.RequirementStatus status,
                                              java.util.List<NotificationRequirement.Notification> notifications,
                                              java.util.List<NotificationRequirement.ChangeClock> changes) {
        static NotificationRequirementView of(NotificationRequirement r, Caller caller) {
            var notifications = caller.is(Role.POLICE) ? r.notifications() : r.notifications().stream()
                    .map(n -> new NotificationRequirement.Notification(n.kind(), n.notifiedAt(), n.recordedBy(),
                            n.recordedAt(), n.changed(), n.changedOn(), null, null, n.late())).toList();
            return new NotificationRequirementView(r.orderId(), r.servedAt(), r.dueAt(), r.status(), notifications,
                    r.changesSoFar());
        }
    }
}
