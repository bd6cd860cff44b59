package uk.orderwatch.compliance.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/orders/{orderId}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Attendance", description = "Programme session outcomes recorded by probation")
public class AttendanceController {

    private final AttendanceService attendance;

    public AttendanceController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the outcome of a programme session",
            description = "attended NO, or a session that did not happen because of an unacceptable absence "
                    + "(POP_UNACCEPTABLE), is a missed session: session.missed is published and police, probation "
                    + "and the advocate are alerted.")
    public ResponseEntity<SessionView> record(@PathVariable String orderId,
                                                  @Valid @RequestBody RecordAttendanceRequest request) {
        var session = attendance.record(orderId, request);
        return ResponseEntity.created(URI.create("/orders/" + orderId + "/attendance/" + session.sessionId()))
                .body(SessionView.of(session));
    }
}
