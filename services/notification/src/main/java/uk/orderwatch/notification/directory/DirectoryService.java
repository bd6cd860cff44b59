package uk.orderwatch.notification.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.support.cache.RecentReads;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * The agency directory. Every change is stored with its {@code agency.recorded} event in one write, so the other
 * services learn which agencies and people exist.
 */
@Service
public class DirectoryService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final WebhookTargets webhookTargets;
    private final RecentReads<String, AgencyDocument> recent;

    public DirectoryService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox,
                            WebhookTargets webhookTargets, NotificationSettings settings) {
        this.recent = new RecentReads<>(settings.delivery().readsKeptFor(), 10_000);
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.webhookTargets = webhookTargets;
    }

    /** What a request would record, checked: its people, webhook and fallback. */
    public record Content(AgencyKind kind, String name, List<AgencyDocument.Person> people,
                          AgencyDocument.Webhook webhook, String fallbackPersonId) {

        boolean sameAs(AgencyDocument a) {
            return a.kind() == kind && a.name().equals(name) && a.people().equals(people)
                    && java.util.Objects.equals(a.webhook(), webhook) && fallbackPersonId.equals(a.fallbackPersonId());
        }
    }

    /**
     * The request as the directory would store it; refuses duplicate people, a bad webhook, and a fallback that is
     * not one of the agency's people or cannot be reached beyond the inbox.
     */
    public Content content(RecordAgencyRequest request) {
        var ids = new HashSet<String>();
        for (int i = 0; i < request.people().size(); i++) {
            if (!ids.add(request.people().get(i).personId())) {
                throw Problem.invalid("people[" + i + "].personId", "appears twice");
            }
        }
        var people = request.people().stream()
                .map(p -> new AgencyDocument.Person(p.personId(), p.name(), p.jobTitle(), p.email(), p.mobile(),
                        Boolean.TRUE.equals(p.supervisor())))
                .toList();
        var fallback = people.stream().filter(p -> p.personId().equals(request.fallbackPersonId())).findFirst()
                .orElseThrow(() -> Problem.invalid("fallbackPersonId", "is not one of the agency's people"));
        if (fallback.email() == null && fallback.mobile() == null && request.webhook() == null) {
            throw Problem.rule("fallback-reachable", "fallbackPersonId", "the fallback is reached at every hour: "
                    + "give " + fallback.personId() + " an email or a mobile, or the agency a webhook");
        }
        if (request.webhook() != null) {
            checkWebhook(request.webhook().url());
        }
        var webhook = request.webhook() == null ? null
                : new AgencyDocument.Webhook(request.webhook().url(), request.webhook().secret());
        return new Content(request.kind(), request.name(), people, webhook, request.fallbackPersonId());
    }

    /**
     * Stores {@code content} as the agency's next version with its {@code agency.recorded} event, replacing
     * {@code current} (null: a new agency) only if it is still the stored version; true when it was stored, false
     * when {@code current} is unchanged by it. Answers 409 when someone changed the agency meanwhile.
     */
    public boolean store(String agencyId, Content content, AgencyDocument current) {
        if (current != null && content.sameAs(current)) {
            return false;
        }
        long version = current == null ? 1 : current.version() + 1;
        OutboxEvent event = events.create(EventType.AGENCY_RECORDED, agencyId, new AgencyRecorded(agencyId,
                content.kind(), content.name(), version, content.people().stream()
                .map(p -> new AgencyRecorded.Member(p.personId(), p.name(), p.jobTitle())).toList()));
        List<OutboxEvent> pending = new ArrayList<>(current == null ? List.of() : current.outbox());
        pending.add(event);
        var agency = new AgencyDocument(agencyId, version, content.kind(), content.name(), content.people(),
                content.webhook(), content.fallbackPersonId(), pending, null);
        if (current == null) {
            try {
                outbox.insert(agency, List.of(event));
            } catch (DuplicateKeyException e) {
                throw Problem.conflict("concurrent-change", "agency " + agencyId + " was recorded at the same time; "
                        + "try again");
            }
        } else if (!outbox.replace(agency, current.version(), List.of(event))) {
            throw Problem.conflict("concurrent-change", "agency " + agencyId + " changed at the same time; try again");
        }
        recent.forget(agencyId);
        return true;
    }

    /**
     * Where {@code after} would change where the agency's alerts go, each difference before and after: people's
     * email and mobile, people added or removed, the webhook (its secret only as "replaced"), the fallback.
     * Empty when it changes none of that (a name or a job title).
     */
    public static List<String> routeChanges(AgencyDocument current, Content after) {
        Map<String, AgencyDocument.Person> before = new LinkedHashMap<>();
        if (current != null) {
            current.people().forEach(p -> before.put(p.personId(), p));
        }
        Map<String, AgencyDocument.Person> now = new LinkedHashMap<>();
        after.people().forEach(p -> now.put(p.personId(), p));
        List<String> changes = new ArrayList<>();
        before.forEach((id, p) -> {
            var then = now.get(id);
            if (then == null) {
                changes.add("person " + id + " removed (email " + shown(p.email()) + ", mobile " + shown(p.mobile())
                        + ")");
            } else {
                difference(changes, "person " + id + " email", p.email(), then.email());
                difference(changes, "person " + id + " mobile", p.mobile(), then.mobile());
            }
        });
        now.forEach((id, p) -> {
            if (!before.containsKey(id)) {
                changes.add("person " + id + " added (email " + shown(p.email()) + ", mobile " + shown(p.mobile())
                        + ")");
            }
        });
        var hook = current == null ? null : current.webhook();
        difference(changes, "webhook", hook == null ? null : hook.url(),
                after.webhook() == null ? null : after.webhook().url());
        if (hook != null && after.webhook() != null && hook.url().equals(after.webhook().url())
                && !hook.secret().equals(after.webhook().secret())) {
            changes.add("webhook secret replaced");
        }
        difference(changes, "fallback", current == null ? null : current.fallbackPersonId(),
                after.fallbackPersonId());
        return changes;
    }

    private static void difference(List<String> changes, String what, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(what + ": " + shown(before) + " -> " + shown(after));
        }
    }

    private static String shown(String value) {
        return value == null ? "none" : value;
    }

    private void checkWebhook(String url) {
        Optional<String> refusal;
        try {
            refusal = webhookTargets.refusal(url);
        } catch (java.net.UnknownHostException e) {
            refusal = Optional.of("names a host that does not resolve");
        }
        refusal.ifPresent(reason -> {
            throw Problem.invalid("webhook.url", reason);
        });
    }

    public List<AgencyDocument> all() {
        return mongo.find(new Query().with(Sort.by("_id")), AgencyDocument.class);
    }

    public Optional<AgencyDocument> find(String agencyId) {
        return Optional.ofNullable(mongo.findById(agencyId, AgencyDocument.class));
    }

    /**
     * The agency as read within the last few seconds ({@code orderwatch.delivery.reads-kept-for}, ADR 20): for
     * raising and sending alerts, which read it for every alert; never for changing it.
     */
    public Optional<AgencyDocument> recent(String agencyId) {
        return Optional.ofNullable(recent.get(agencyId, id -> mongo.findById(id, AgencyDocument.class)));
    }

    /**
     * Another instance recorded the agency ({@code agency.recorded}, heard in this instance's own consumer group):
     * the next alert reads it afresh rather than waiting out {@code reads-kept-for}.
     */
    public void recordedElsewhere(String agencyId) {
        recent.forget(agencyId);
    }
}
