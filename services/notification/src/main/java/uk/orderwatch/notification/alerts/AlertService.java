package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.notification.orders.OrderReadModel;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertAcknowledged;
import uk.orderwatch.schemas.events.AlertEscalated;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

/**
 * Alerts: raised exactly once per (source event, recipient), acknowledged by their recipient, escalated along the
 * agency's chain when nobody acknowledges in time. Every change is one compare-and-set write of the alert with its
 * events.
 */
@Service
public class AlertService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final OrderReadModel orders;
    private final DirectoryService directory;
    private final AlertStream stream;
    private final Clock clock;
    private final Recipient dutyDesk;
    private final Map<Severity, Duration> acknowledgeWithin;
    private Consumer<String> deliverNow = id -> { };

    public AlertService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, OrderReadModel orders,
                        DirectoryService directory, AlertStream stream, Clock clock,
                        @Value("${orderwatch.duty-desk.person-id:duty-desk}") String dutyPerson,
                        @Value("${orderwatch.duty-desk.agency-id:orderwatch-duty}") String dutyAgency,
                        @Value("${orderwatch.acknowledge-within.high:15m}") Duration high,
                        @Value("${orderwatch.acknowledge-within.medium:4h}") Duration medium) {
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.orders = orders;
        this.directory = directory;
        this.stream = stream;
        this.clock = clock;
        this.dutyDesk = new Recipient(dutyPerson, dutyAgency, RecipientRole.DUTY_DESK);
        this.acknowledgeWithin = Map.of(Severity.HIGH, high, Severity.MEDIUM, medium);
    }

    /** Called with each new alert's id so its channels are tried at once (set by the delivery service). */
    public void onRaised(Consumer<String> deliverNow) {
        this.deliverNow = deliverNow;
    }

    // --- raising ----------------------------------------------------------------------------------------------

    /** Raises the alerts {@code event} calls for; those it already raised (a redelivery) are left as they are. */
    public int raiseFor(CloudEvent<?> event) {
        int raised = 0;
        var order = orders.find(event.subject()).orElse(null);
        for (RoutedAlert routed : AlertRouting.route(event, dutyDesk)) {
            var message = AlertContent.render(event, routed.recipient().role(), routed.priority(), order,
                    policeAction(event, routed));
            String alertId = alertId(event.id(), routed.recipient());
            if (insert(alertId, event.id(), event.type(), event.subject(), routed.recipient(), routed.priority(),
                    message, alertId, 0, List.of())) {
                raised++;
            }
        }
        return raised;
    }

    /** For the advocate: what the police are doing about it. */
    private String policeAction(CloudEvent<?> event, RoutedAlert routed) {
        if (routed.recipient().role() != RecipientRole.ADVOCATE_CASEWORKER) {
            return null;
        }
        Duration within = acknowledgeWithin.get(routed.priority());
        return "The officer in charge has been alerted" + (within == null ? "."
                : " and must acknowledge within " + human(within) + "; if not, it goes to the duty inspector.");
    }

    private boolean insert(String alertId, String sourceEventId, String sourceEventType, String orderId,
                           Recipient recipient, Severity priority, AlertContent.Message message, String rootAlertId,
                           int level, List<OutboxEvent> extraEvents) {
        Instant now = clock.instant();
        Duration within = acknowledgeWithin.get(priority);
        List<OutboxEvent> raised = new ArrayList<>(extraEvents);
        raised.add(events.create(EventType.ALERT_RAISED, orderId, new AlertRaised(alertId, sourceEventId,
                sourceEventType, orderId, recipient, priority, message.title(), now)));
        var inbox = new AlertDocument.Delivery(ChannelType.INBOX, DeliveryStatus.DELIVERED, 1, now, null, null, null);
        var alert = new AlertDocument(alertId, 1, sourceEventId, sourceEventType, orderId, recipient, priority,
                message.title(), message.body(), message.fields(), now, rootAlertId, level, List.of(inbox), now, null,
                false, within == null || recipient.role() == RecipientRole.DUTY_DESK ? null : now.plus(within), null,
                null, null, raised);
        try {
            outbox.insert(alert, raised);
        } catch (DuplicateKeyException e) {
            return false;
        }
        stream.publish(AlertView.of(alert));
        deliverNow.accept(alertId);
        return true;
    }

    static String alertId(String sourceEventId, Recipient recipient) {
        String key = sourceEventId + "|" + recipient.personId() + "|" + recipient.role();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    // --- acknowledgement and escalation -----------------------------------------------------------------------

    /** The recipient takes the alert on: its deadline stops, and so does every deadline of its chain. */
    public AlertDocument acknowledge(String alertId, String personId, String note) {
        var alert = require(alertId);
        if (!alert.recipient().personId().equals(personId)) {
            throw Problem.rule("acknowledged-by-recipient", "personId", "only the alert's recipient can "
                    + "acknowledge it");
        }
        if (alert.acknowledged()) {
            throw Problem.conflict("acknowledge-once", "alert " + alertId + " was acknowledged at "
                    + alert.acknowledgement().at());
        }
        Instant now = clock.instant();
        var event = events.create(EventType.ALERT_ACKNOWLEDGED, alert.orderId(), new AlertAcknowledged(alertId,
                alert.orderId(), alert.recipient(), personId, now));
        var updated = outbox.update(query(where("_id").is(alertId).and("version").is(alert.version())),
                new Update().set("acknowledgement", new AlertDocument.Acknowledgement(personId, now, note))
                        .unset("acknowledgeBy").set("readAt", alert.readAt() == null ? now : alert.readAt())
                        .inc("version", 1), AlertDocument.class, List.of(event));
        if (updated == null) {
            throw Problem.conflict("concurrent-change", "alert " + alertId + " changed at the same time; try again");
        }
        // the chain stops: nobody further up needs to be woken for this event
        mongo.updateMulti(query(where("rootAlertId").is(alert.rootAlertId()).and("acknowledgeBy").ne(null)),
                new Update().unset("acknowledgeBy").inc("version", 1), AlertDocument.class);
        return updated;
    }

    /** Marks an alert read (the inbox's unread filter). */
    public AlertDocument markRead(String alertId, String personId) {
        var alert = require(alertId);
        if (!alert.recipient().personId().equals(personId)) {
            throw Problem.rule("read-by-recipient", "personId", "only the alert's recipient reads it");
        }
        if (alert.readAt() == null) {
            mongo.updateFirst(query(where("_id").is(alertId).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()).inc("version", 1), AlertDocument.class);
        }
        return require(alertId);
    }

    /**
     * Escalates every alert whose acknowledgement deadline passed: each is claimed by a compare-and-set, so when
     * several instances run this, each alert escalates once.
     */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (var alert : mongo.find(query(where("acknowledgeBy").lte(now).and("acknowledgement").is(null))
                .limit(200), AlertDocument.class)) {
            if (escalate(alert, "not-acknowledged")) {
                escalated++;
            }
        }
        return escalated;
    }

    /** Sends the alert to the next person in its agency's chain (or the duty desk at its end). */
    public boolean escalate(AlertDocument alert, String reason) {
        if (alert.acknowledged() || alert.escalatedToAlertId() != null
                || alert.recipient().role() == RecipientRole.DUTY_DESK) {
            return false;
        }
        int level = alert.escalationLevel() + 1;
        Recipient next = nextInChain(alert, level);
        String escalatedId = UUID.nameUUIDFromBytes((alert.rootAlertId() + "|escalation|" + level)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        var escalation = events.create(EventType.ALERT_ESCALATED, alert.orderId(), new AlertEscalated(
                alert.alertId(), alert.orderId(), alert.recipient(), next, escalatedId, level, reason, now));
        var claimed = outbox.update(query(where("_id").is(alert.alertId()).and("version").is(alert.version())
                        .and("escalatedToAlertId").is(null)),
                new Update().set("escalatedToAlertId", escalatedId).unset("acknowledgeBy").inc("version", 1),
                AlertDocument.class, List.of(escalation));
        if (claimed == null) {
            return false;
        }
        var message = new AlertContent.Message("Escalated (" + reason.replace('-', ' ') + "): " + alert.title(),
                alert.fields(), "Not acknowledged by " + alert.recipient().personId() + " in time.\n" + alert.body());
        insert(escalatedId, alert.sourceEventId(), alert.sourceEventType(), alert.orderId(), next, alert.priority(),
                message, alert.rootAlertId(), level, List.of());
        return true;
    }

    private Recipient nextInChain(AlertDocument alert, int level) {
        var root = require(alert.rootAlertId());
        var chain = directory.find(root.recipient().agencyId()).map(a -> a.escalationChain()).orElse(List.of())
                .stream().filter(p -> !p.equals(root.recipient().personId())).toList();
        return level <= chain.size()
                ? new Recipient(chain.get(level - 1), root.recipient().agencyId(), RecipientRole.ESCALATION_CONTACT)
                : dutyDesk;
    }

    // --- queries ----------------------------------------------------------------------------------------------

    public Optional<AlertDocument> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, AlertDocument.class));
    }

    public AlertDocument require(String alertId) {
        return find(alertId).orElseThrow(() -> Problem.notFound("Alert", alertId));
    }

    /** The filters of the inbox; null means "any". */
    public record Filter(String personId, String agencyId, String orderId, Severity priority, Boolean unread,
                         Boolean unacknowledged) {
    }

    /** Alerts, newest first. */
    public PageResult<AlertView> search(Filter f, int page, int size) {
        Criteria criteria = new Criteria();
        if (f.personId() != null) {
            criteria = criteria.and("recipient.personId").is(f.personId());
        }
        if (f.agencyId() != null) {
            criteria = criteria.and("recipient.agencyId").is(f.agencyId());
        }
        if (f.orderId() != null) {
            criteria = criteria.and("orderId").is(f.orderId());
        }
        if (f.priority() != null) {
            criteria = criteria.and("priority").is(f.priority());
        }
        if (Boolean.TRUE.equals(f.unread())) {
            criteria = criteria.and("readAt").is(null);
        }
        if (Boolean.TRUE.equals(f.unacknowledged())) {
            criteria = criteria.and("acknowledgement").is(null);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AlertDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new PageResult<>(mongo.find(query, AlertDocument.class).stream().map(AlertView::of).toList(), page,
                size, total);
    }

    /** The recipient's alerts raised after {@code lastEventId} (for a stream that reconnects), oldest first. */
    public List<AlertView> after(String personId, String lastEventId) {
        var last = lastEventId == null ? null : mongo.findById(lastEventId, AlertDocument.class);
        if (last == null) {
            return List.of();
        }
        return mongo.find(query(where("recipient.personId").is(personId).and("raisedAt").gte(last.raisedAt())
                        .and("_id").ne(last.alertId())).with(Sort.by("raisedAt")), AlertDocument.class)
                .stream().map(AlertView::of).toList();
    }

    private static String human(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
