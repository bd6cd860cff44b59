package uk.orderwatch.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

/** How each person is reached: their own notification rules, and their agency's defaults. */
@RestController
@Validated
@Tag(name = "Notification rules", description = "How each person is reached: channels in order, waits, quiet hours")
public class NotificationRulesController {

    private final NotificationRulesService rules;

    public NotificationRulesController(NotificationRulesService rules) {
        this.rules = rules;
    }

    /**
     * Rules as sent: for each priority ({@code HIGH}, {@code MEDIUM}, {@code LOW}) the channels in the order tried,
     * each with the minutes after the alert it is tried (not decreasing); quiet hours that only HIGH ignores.
     */
    public record RulesRequest(@NotNull Map<Severity, @Size(max = 3) List<@Valid @NotNull StepRequest>> byPriority,
                               @Valid QuietHoursRequest quietHours) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "NotificationStepRequest")
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
        var inForce = rules.of(caller.agencyId(), caller.personId());
        Map<Severity, List<NotificationRules.Step>> plans = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            plans.put(s, inForce.rules().plan(s));
        }
        return new RulesView(inForce.source(), plans, inForce.rules().quietHours());
    }

    @PutMapping(path = "/me/notification-rules", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set how you are reached", description = "422 rules-reach-you when no channel of your HIGH "
            + "rules can reach you (no email, mobile or agency webhook for it): HIGH alerts would reach your inbox "
            + "only.")
    public RulesView setMine(@Valid @RequestBody RulesRequest request, Caller caller) {
        caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE);
        rules.setOwn(request, caller);
        return mine(caller);
    }

    @PutMapping(path = "/directory/agencies/{agencyId}/duty/notification-rules",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the agency's default notification rules (its supervisors, or ADMIN)",
            description = "They apply to each person of the agency who has set none of their own.")
    public NotificationRules setDefaults(@PathVariable String agencyId, @Valid @RequestBody RulesRequest request,
                                         Caller caller) {
        return rules.setDefaults(agencyId, request, caller);
    }
}
