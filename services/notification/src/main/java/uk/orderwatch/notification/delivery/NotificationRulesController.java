package uk.orderwatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

/**
 * Personal notification rules: each user sets their own (and nobody else's); an agency's supervisors set its
 * defaults. Every change is audited.
 */
@RestController
@Validated
@Tag(name = "Notification rules", description = "How each person is reached: channels in order, waits, quiet hours")
public class NotificationRulesController {

    /** What the audit log calls a person's or an agency's notification rules. */
    static final String AUDIT_RESOURCE = "notification-rules";

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final AuditLog audit;

    public NotificationRulesController(MongoTemplate mongo, DirectoryService directory, AuditLog audit) {
        this.mongo = mongo;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * Rules as sent: for each priority ({@code HIGH}, {@code MEDIUM}, {@code LOW}) the channels in the order tried,
     * each with the minutes after the alert it is tried (not decreasing); quiet hours that only HIGH ignores.
     */
    public record RulesRequest(@NotNull Map<Severity, @Size(max = 3) List<@Valid @NotNull StepRequest>> byPriority,
                               @Valid QuietHoursRequest quietHours) {
    }

    public record StepRequest(@NotNull ChannelType channel, @NotNull @Min(0) @Max(120) Integer afterMinutes) {
    }

    public record QuietHoursRequest(@NotNull LocalTime from, @NotNull LocalTime to) {
    }

    /** Rules in force and where they come from: the person's OWN, their AGENCY's defaults, or the STANDARD order. */
    public record RulesView(String source, Map<Severity, List<NotificationRules.Step>> byPriority,
                            NotificationRules.QuietHours quietHours) {
    }

    @GetMapping(path = "/me/notification-rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How you are reached: your own rules, your agency's defaults, or every channel at once")
    public RulesView mine(Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        var own = mongo.findById(NotificationRules.idOf(caller.agencyId(), caller.personId()),
                NotificationRules.class);
        var defaults = mongo.findById(NotificationRules.idOf(caller.agencyId(), null), NotificationRules.class);
        var rules = own != null ? own : defaults != null ? defaults : NotificationRules.standard();
        Map<Severity, List<NotificationRules.Step>> plans = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            plans.put(s, rules.plan(s));
        }
        return new RulesView(own != null ? "OWN" : defaults != null ? "AGENCY" : "STANDARD", plans,
                rules.quietHours());
    }

    @PutMapping(path = "/me/notification-rules", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set how you are reached", description = "422 rules-reach-you when no channel of your HIGH "
            + "rules can reach you (no email, mobile or agency webhook for it): HIGH alerts would reach your inbox "
            + "only.")
    public RulesView setMine(@Valid @RequestBody RulesRequest request, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        var rules = rules(NotificationRules.idOf(caller.agencyId(), caller.personId()), request);
        var agency = directory.find(caller.agencyId()).orElse(null);
        var person = agency == null ? null : agency.person(caller.personId()).orElse(null);
        boolean reachable = rules.plan(Severity.HIGH).stream().anyMatch(s -> switch (s.channel()) {
            case EMAIL -> person != null && person.email() != null;
            case SMS -> person != null && person.mobile() != null;
            case WEBHOOK -> agency != null && agency.webhook() != null;
            case INBOX -> false;
        });
        if (!reachable) {
            throw Problem.rule("rules-reach-you", "byPriority.HIGH", "none of these channels can reach you (the "
                    + "directory has no address for them): HIGH alerts would reach your inbox only");
        }
        store(rules, caller);
        return mine(caller);
    }

    @PutMapping(path = "/directory/agencies/{agencyId}/duty/notification-rules",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the agency's default notification rules (its supervisors, or ADMIN)",
            description = "They apply to each person of the agency who has set none of their own.")
    public NotificationRules setDefaults(@PathVariable String agencyId, @Valid @RequestBody RulesRequest request,
                                         Caller caller) {
        if (!caller.is(Role.ADMIN) && !caller.agencyId().equals(agencyId)) {
            throw Problem.notFound("Agency", agencyId);
        }
        if (!caller.is(Role.ADMIN) && !caller.supervisor()) {
            throw Problem.forbidden("only the agency's supervisors (or an administrator) set its defaults");
        }
        directory.find(agencyId).orElseThrow(() -> Problem.notFound("Agency", agencyId));
        return store(rules(NotificationRules.idOf(agencyId, null), request), caller);
    }

    private static NotificationRules rules(String id, RulesRequest request) {
        Map<Severity, List<NotificationRules.Step>> byPriority = new EnumMap<>(Severity.class);
        request.byPriority().forEach((priority, steps) -> {
            String field = "byPriority." + priority;
            var seen = new HashSet<ChannelType>();
            int last = 0;
            for (int i = 0; i < steps.size(); i++) {
                var step = steps.get(i);
                if (step.channel() == ChannelType.INBOX) {
                    throw Problem.invalid(field + "[" + i + "].channel", "the inbox and live stream are always at "
                            + "once; give EMAIL, SMS or WEBHOOK");
                }
                if (!seen.add(step.channel())) {
                    throw Problem.invalid(field + "[" + i + "].channel", "appears twice");
                }
                if (step.afterMinutes() < last) {
                    throw Problem.invalid(field + "[" + i + "].afterMinutes", "is before the step above it");
                }
                last = step.afterMinutes();
            }
            if (priority == Severity.HIGH && steps.isEmpty()) {
                throw Problem.invalid(field, "a HIGH alert goes beyond the inbox: give at least one channel");
            }
            byPriority.put(priority, steps.stream().map(s -> new NotificationRules.Step(s.channel(),
                    s.afterMinutes())).toList());
        });
        var quiet = request.quietHours() == null ? null
                : new NotificationRules.QuietHours(request.quietHours().from(), request.quietHours().to());
        return new NotificationRules(id, 0, byPriority, quiet);
    }

    private NotificationRules store(NotificationRules rules, Caller caller) {
        var current = mongo.findById(rules.id(), NotificationRules.class);
        var next = new NotificationRules(rules.id(), current == null ? 1 : current.version() + 1, rules.byPriority(),
                rules.quietHours());
        if (current == null) {
            try {
                mongo.insert(next);
            } catch (DuplicateKeyException e) {
                throw Problem.conflict("concurrent-change", "the rules changed at the same time; try again");
            }
        } else if (mongo.findAndReplace(query(where("_id").is(rules.id()).and("version").is(current.version())),
                next) == null) {
            throw Problem.conflict("concurrent-change", "the rules changed at the same time; try again");
        }
        audit.change(caller, AUDIT_RESOURCE, rules.id(), List.of("rules: " + next.byPriority() + ", quiet hours "
                + next.quietHours()));
        return next;
    }
}
