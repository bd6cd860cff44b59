package uk.orderwatch.breachreport.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.breachreport.CaseGuard;
import uk.orderwatch.breachreport.attendance.SessionStatus;
import uk.orderwatch.breachreport.attendance.SessionStore;
import uk.orderwatch.breachreport.attendance.SessionView;
import uk.orderwatch.breachreport.breaches.BreachService;
import uk.orderwatch.breachreport.breaches.BreachView;
import uk.orderwatch.breachreport.enforcement.EnforcementView;
import uk.orderwatch.breachreport.enforcement.NonComplianceService;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.CaseAccess;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Compliance", description = "The compliance picture of an order, and probation's day")
public class ComplianceController {

    private final OrderReadModel orders;
    private final SessionStore sessions;
    private final NotificationRequirementService requirements;
    private final NonComplianceService nonCompliance;
    private final BreachService breachService;
    private final CaseGuard guard;

    public ComplianceController(OrderReadModel orders, SessionStore sessions,
                                NotificationRequirementService requirements, NonComplianceService nonCompliance,
                                BreachService breachService, CaseGuard guard) {
        this.orders = orders;
        this.sessions = sessions;
        this.requirements = requirements;
        this.nonCompliance = nonCompliance;
        this.breachService = breachService;
        this.guard = guard;
    }

    /** Everything breach-report knows about an order's compliance. */
    public record ComplianceView(OrderSnapshot order, LocalDate endedOn, List<SessionView> sessions,
                                 List<BreachView> breaches, Map<String, Long> sessionOutcomes,
                                 NonComplianceService.Counts nonCompliance, EnforcementView enforcement,
                                 List<Deadline> openDeadlines) {
    }

    /** A deadline still running: what, which record, due when. */
    public record Deadline(String kind, String id, Instant dueAt) {
    }

    @GetMapping("/orders/{orderId}/compliance")
    @Operation(summary = "An order's compliance: sessions with outcomes, breaches, counts and open deadlines")
    public ComplianceView compliance(@PathVariable String orderId, Caller caller) {
        var known = guard.read(orderId, caller);
        var sessionList = sessions.ofOrder(orderId).stream().map(s -> SessionView.of(s, caller)).toList();
        var breaches = breachService.ofOrder(orderId).stream().map(b -> BreachView.of(b, caller)).toList();
        Map<String, Long> outcomes = new TreeMap<>();
        sessionList.stream().filter(s -> s.currentOutcome() != null)
                .forEach(s -> outcomes.merge(s.currentOutcome().name(), 1L, Long::sum));
        List<Deadline> deadlines = new ArrayList<>();
        sessionList.stream().filter(s -> s.status() == SessionStatus.SCHEDULED && s.unrecordedDueAt() != null)
                .forEach(s -> deadlines.add(new Deadline("session-outcome", s.sessionId(), s.unrecordedDueAt())));
        requirements.find(orderId).filter(r -> r.dueAt() != null)
                .ifPresent(r -> deadlines.add(new Deadline("notification-requirement", orderId, r.dueAt())));
        var enforcement = EnforcementView.of(known.order(), nonCompliance);
        enforcement.reviews().stream().filter(r -> r.decision() == null)
                .forEach(r -> deadlines.add(new Deadline("enforcement-decision", r.reviewId(), r.responseBy())));
        return new ComplianceView(known.order(), known.endedOn(), sessionList, breaches, outcomes,
                nonCompliance.count(orderId), enforcement, deadlines);
    }

    @GetMapping("/sessions/due")
    @Operation(summary = "A practitioner's sessions on a day (default today, UK time), earliest first")
    public PageResult<SessionView> due(@RequestParam(required = false) String practitionerId,
                                       @RequestParam(required = false) LocalDate date,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                       Caller caller) {
        caller.require(Role.PROBATION);
        if (practitionerId != null && !practitionerId.equals(caller.personId()) && !caller.supervisor()) {
            throw Problem.forbidden("Only a supervisor sees another practitioner's day");
        }
        String practitioner = practitionerId != null ? practitionerId : caller.personId();
        LocalDate day = date != null ? date : LocalDate.now(Court.ZONE);
        Instant from = day.atStartOfDay(Court.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(Court.ZONE).toInstant();
        // only sessions of orders the caller's delivery unit is assigned to, in the page and in the total: a person
        // id of another unit may be the same
        var visible = sessions.between(practitioner, from, to).stream()
                .filter(s -> orders.find(s.orderId())
                        .filter(o -> CaseAccess.canSee(caller, o.order().agencies())).isPresent())
                .toList();
        var due = visible.stream().skip((long) page * size).limit(size).toList();
        guard.readAll(caller, due.stream().map(s -> s.orderId()).toList());
        return new PageResult<>(due.stream().map(s -> SessionView.of(s, caller)).toList(), page, size, visible.size());
    }
}
