package uk.orderwatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.notification.duty.DutyService;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.cache.RecentReads;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.web.Problem;

/**
 * Personal notification rules: each user sets their own (and nobody else's); an agency's supervisors set its
 * defaults. Every change is audited.
 */
@Service
public class NotificationRulesService {

    /** What the audit log calls a person's or an agency's notification rules. */
    static final String AUDIT_RESOURCE = "notification-rules";

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final DutyService duty;
    private final RecentReads<String, InForce> recent;

    public NotificationRulesService(MongoTemplate mongo, DirectoryService directory, AuditLog audit,
                                    DutyService duty, NotificationSettings settings) {
        this.recent = new RecentReads<>(settings.delivery().readsKeptFor(), 10_000);
        this.mongo = mongo;
        this.directory = directory;
        this.audit = audit;
        this.duty = duty;
    }

    /** Rules in force and where they come from: the person's OWN, their AGENCY's defaults, or the STANDARD order. */
    public record InForce(String source, NotificationRules rules) {
    }

    /** The person's own rules, else their agency's defaults, else every channel at once. */
    public InForce of(String agencyId, String personId) {
        String ownId = NotificationRules.idOf(agencyId, personId);
        var found = mongo.find(query(where("_id").in(ownId, NotificationRules.idOf(agencyId, null))),
                NotificationRules.class);
        var own = found.stream().filter(r -> r.id().equals(ownId)).findFirst();
        if (own.isPresent()) {
            return new InForce("OWN", own.get());
        }
        return found.isEmpty() ? new InForce("STANDARD", NotificationRules.standard())
                : new InForce("AGENCY", found.get(0));
    }

    /**
     * The same as read within the last few seconds ({@code orderwatch.delivery.reads-kept-for}, ADR 20): for sending
     * alerts, which read them for every alert.
     */
    public InForce inForce(String agencyId, String personId) {
        return recent.get(NotificationRules.idOf(agencyId, personId), id -> of(agencyId, personId));
    }

    /** The caller's own rules, refused when no channel of their HIGH rules can reach them. */
    public void setOwn(NotificationRulesController.RulesRequest request, Caller caller) {
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
    }

    /** The agency's defaults, set by its supervisors or ADMIN. */
    public NotificationRules setDefaults(String agencyId, NotificationRulesController.RulesRequest request,
                                         Caller caller) {
        duty.agencyToChange(agencyId, caller);
        return store(rules(NotificationRules.idOf(agencyId, null), request), caller);
    }

    private static NotificationRules rules(String id, NotificationRulesController.RulesRequest request) {
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
        // an agency's defaults are in force for each of its people without rules of their own
        recent.forgetAll();
        audit.change(caller, AUDIT_RESOURCE, rules.id(), List.of("rules: " + next.byPriority() + ", quiet hours "
                + next.quietHours()));
        return next;
    }
}
