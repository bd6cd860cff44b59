package uk.orderwatch.breachreport.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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

@RestController
@RequestMapping(path = "/orders/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Programme sessions and their outcomes, recorded by the probation delivery "
        + "unit assigned to the order; police and advocates of the order read them")
public class SessionController {

    private final SessionStore sessions;
    private final SessionPlanning planning;
    private final SessionOutcomes outcomes;
    private final CaseGuard guard;

    public SessionController(SessionStore sessions, SessionPlanning planning, SessionOutcomes outcomes,
                             CaseGuard guard) {
        this.sessions = sessions;
        this.planning = planning;
        this.outcomes = outcomes;
        this.guard = guard;
    }

    @GetMapping("/sessions")
    @Operation(operationId = "listSessions",
            summary = "The order's programme sessions with their outcomes, earliest first")
    public List<SessionView> list(@PathVariable String orderId, Caller caller) {
        guard.read(orderId, caller);
        return sessions.ofOrder(orderId).stream().map(s -> SessionView.of(s, caller)).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addSession", summary = "Add a session to a programme requirement")
    public ResponseEntity<SessionView> add(@PathVariable String orderId,
                                           @Valid @RequestBody AddSessionRequest request, Caller caller) {
        guard.change(orderId, caller, Role.PROBATION);
        var s = planning.add(orderId, request);
        return ResponseEntity.created(URI.create("/orders/" + orderId + "/sessions/" + s.sessionId()))
                .body(SessionView.of(s, caller));
    }

    @PostMapping(path = "/sessions/{sessionId}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rescheduleSession", summary = "Move a session still to come to another time")
    public SessionView reschedule(@PathVariable String orderId, @PathVariable String sessionId,
                                  @Valid @RequestBody RescheduleSessionRequest request, Caller caller) {
        guard.change(orderId, caller, Role.PROBATION);
        return SessionView.of(planning.reschedule(orderId, sessionId, request, caller.actor()), caller);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/sessions/{sessionId}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordSessionOutcome", summary = "Record (or correct) a session's outcome",
            description = "attended YES/LATE → session.attended; NO, or not happened POP_UNACCEPTABLE → "
                    + "session.missed; POP_ACCEPTABLE → session.absence-excused; LOGISTICS → session.cancelled; a "
                    + "concern → session.concern-raised. A second outcome needs a correctionReason and is kept "
                    + "beside the first.")
    public ResponseEntity<SessionView> outcome(@PathVariable String orderId, @PathVariable String sessionId,

            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.OUTCOME)))
            @Valid @RequestBody RecordOutcomeRequest request, Caller caller) {
        guard.change(orderId, caller, Role.PROBATION);
        return ResponseEntity.status(201).body(SessionView.of(outcomes.record(orderId, sessionId, request,
                caller.actor()), caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordAttendance",
            summary = "Record the outcome of the session of a requirement that started at sessionStart",
            description = "Finds the planned session with that start, or records one that was not planned.")
    public ResponseEntity<SessionView> attendance(@PathVariable String orderId,

            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.ATTENDANCE)))
            @Valid @RequestBody RecordAttendanceRequest request, Caller caller) {
        guard.change(orderId, caller, Role.PROBATION);
        var s = outcomes.recordByStart(orderId, request, caller.actor());
        return ResponseEntity.created(URI.create("/orders/" + orderId + "/sessions/" + s.sessionId()))
                .body(SessionView.of(s, caller));
    }
}
