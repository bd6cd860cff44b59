package uk.orderwatch.breachreport.requirements;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.breachreport.requirements.NotificationRequirement.NotificationKind;
import uk.orderwatch.breachreport.requirements.NotificationRequirement.RequirementStatus;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.NotificationRequirementOverdue;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/** The 3-day clock that starts when an SPO or DAPO is served, and the notifications that stop it. */
@Service
public class NotificationRequirementService {

    /**
     * Stalking Protection Act 2019 s.9(1); Domestic Abuse Act 2021 s.41: "within the period of 3 days beginning
     * with the date of service" — days, not hours: the date of service is day 1.
     */
    static final int DAYS = 3;
    static final Set<OrderType> WITH_REQUIREMENT = Set.of(OrderType.SPO, OrderType.INTERIM_SPO, OrderType.DAPO);

    private final MongoTemplate mongo;
    private final OrderReadModel orders;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;

    public NotificationRequirementService(MongoTemplate mongo, OrderReadModel orders, EventFactory events,
                                          OutboxWriter outbox, Clock clock) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * When the period ends: the end of its third day, counting the date of service (in the court's time zone) as the
     * first. An order served at 23:30 on a Monday is due by the end of Wednesday, not at 23:30 on Thursday.
     */
    public static Instant dueAt(Instant servedAt) {
        return servedAt.atZone(Court.ZONE).toLocalDate().plusDays(DAYS).atStartOfDay(Court.ZONE).toInstant();
    }

    /**
     * Starts the clock of a served SPO, interim SPO or DAPO, once; not for an order exempt from it (a full SPO
     * replacing a served interim SPO, s.9(1)(a); a subject already under Sexual Offences Act 2003 Part 2, s.9(5)).
     */
    public void startIfDue(KnownOrder known) {
        var order = known.order();
        if (!WITH_REQUIREMENT.contains(order.orderType()) || order.status() != OrderStatus.SERVED
                || order.servedAt() == null || order.notificationExemption() != null) {
            return;
        }
        try {
            mongo.insert(new NotificationRequirement(order.orderId(), 1, order.servedAt(),
                    dueAt(order.servedAt()), RequirementStatus.OPEN, List.of(), List.of()));
        } catch (DuplicateKeyException e) {
            // already started: service is recorded once
        }
    }

    /** The order ended: a clock still running stops. */
    public void stop(String orderId) {
        mongo.updateFirst(query(where("_id").is(orderId).and("status").is(RequirementStatus.OPEN)),
                new Update().set("status", RequirementStatus.STOPPED).unset("dueAt").inc("version", 1),
                NotificationRequirement.class);
    }

    public NotificationRequirement record(String orderId, RecordNotificationRequest r, Actor by) {
        var requirement = find(orderId).orElseThrow(() -> new Problem(org.springframework.http.HttpStatus.NOT_FOUND,
                "no-notification-requirement", "No notification requirement", "Order " + orderId + " has no "
                + "notification requirement: it is not a served SPO, interim SPO or DAPO, or it is exempt",
                List.of()));
        Instant now = clock.instant();
        if (r.notifiedAt().isAfter(now)) {
            throw Problem.rule("notified-in-future", "notifiedAt", "a notification is recorded once it was made");
        }
        if (r.notifiedAt().isBefore(requirement.servedAt())) {
            throw Problem.rule("notified-before-service", "notifiedAt", "the order was served at "
                    + requirement.servedAt());
        }
        if (r.kind() == NotificationKind.INITIAL && requirement.notifications().stream()
                .anyMatch(n -> n.kind() == NotificationKind.INITIAL)) {
            throw Problem.conflict("initial-notification-once", "the first notification is already recorded; "
                    + "record later ones as CHANGE");
        }
        var notifications = new ArrayList<>(requirement.notifications());
        notifications.add(new NotificationRequirement.Notification(r.kind(), r.notifiedAt(),
                by, now));
        boolean first = r.kind() == NotificationKind.INITIAL;
        var status = first && requirement.status() == RequirementStatus.OPEN ? RequirementStatus.MET
                : requirement.status();
        var updated = new NotificationRequirement(requirement.orderId(), requirement.version() + 1,
                requirement.servedAt(), first ? null : requirement.dueAt(), status, notifications,
                requirement.outbox());
        if (!outbox.replace(updated, requirement.version(), List.of())) {
            throw Problem.conflict("concurrent-change", "the notification requirement of order "
                    + requirement.orderId() + " changed at the same time; try again");
        }
        return updated;
    }

    /**
     * Raises {@code notification-requirement.overdue} for every open clock that ran out. The event goes into the
     * requirement's outbox in the same conditional update that marks it overdue: raised once, whichever instance
     * gets there first.
     */
    public int raiseOverdue() {
        Instant now = clock.instant();
        int raised = 0;
        for (var r : mongo.find(query(where("status").is(RequirementStatus.OPEN).and("dueAt").lte(now)).limit(200),
                NotificationRequirement.class)) {
            var known = orders.find(r.orderId());
            if (known.isEmpty()) {
                continue;
            }
            var order = known.get().order();
            var event = events.create(EventType.NOTIFICATION_REQUIREMENT_OVERDUE, r.orderId(),
                    new NotificationRequirementOverdue(r.orderId(), order.version(), r.servedAt(), r.dueAt(),
                            order.subject(), order.agencies()));
            var claimed = outbox.update(query(where("_id").is(r.orderId()).and("version").is(r.version())
                            .and("status").is(RequirementStatus.OPEN)),
                    new Update().set("status", RequirementStatus.OVERDUE).unset("dueAt").inc("version", 1),
                    NotificationRequirement.class, List.of(event));
            if (claimed != null) {
                raised++;
            }
        }
        return raised;
    }

    /**
     * The requirement the order's subject is under: the order's own, or, for a full SPO that replaced a served interim
     * SPO, the interim order's, which stands (s.9(1)(a)); its {@code orderId} says which.
     */
    public Optional<NotificationRequirement> find(String orderId) {
        String holder = orders.find(orderId).map(KnownOrder::order)
                .filter(o -> o.notificationExemption() == NotificationExemption.REPLACES_SERVED_INTERIM
                        && o.interimOrderId() != null)
                .map(OrderSnapshot::interimOrderId).orElse(orderId);
        return Optional.ofNullable(mongo.findById(holder, NotificationRequirement.class));
    }
}
