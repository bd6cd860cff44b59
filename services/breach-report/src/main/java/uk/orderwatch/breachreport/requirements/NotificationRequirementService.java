package uk.orderwatch.breachreport.requirements;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
        return dueAt(servedAt.atZone(Court.ZONE).toLocalDate());
    }

    /** The end of the period of 3 days beginning with {@code day} (the day of service, or of a change: s.9(4)). */
    public static Instant dueAt(LocalDate day) {
        return day.plusDays(DAYS).atStartOfDay(Court.ZONE).toInstant();
    }

    /**
     * Starts the clock of a served SPO, interim SPO or DAPO, once; not for an order exempt from it (a full SPO
     * replacing a served interim SPO, s.9(1)(a); a subject already under Sexual Offences Act 2003 Part 2, s.9(5)), nor
     * for an imported order whose period ended before the import.
     */
    public void startIfDue(KnownOrder known) {
        var order = known.order();
        if (!WITH_REQUIREMENT.contains(order.orderType()) || order.status() != OrderStatus.SERVED
                || order.servedAt() == null || order.notificationExemption() != null) {
            return;
        }
        if (order.importedAt() != null && !dueAt(order.servedAt()).isAfter(order.importedAt())) {
            return; // a historic service, brought in by an import: its period had run out before orderwatch knew
        }
        try {
            mongo.insert(new NotificationRequirement(order.orderId(), 1, order.servedAt(),
                    dueAt(order.servedAt()), RequirementStatus.OPEN, List.of(), List.of(), List.of()));
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
        checkChange(r.kind() == NotificationKind.CHANGE, r.changed(), r.changedOn(), requirement,
                r.notifiedAt().atZone(Court.ZONE).toLocalDate());
        boolean late = r.kind() == NotificationKind.CHANGE && !r.notifiedAt().isBefore(dueAt(r.changedOn()));
        var notifications = new ArrayList<>(requirement.notifications());
        notifications.add(new NotificationRequirement.Notification(r.kind(), r.notifiedAt(), by, now,
                r.changed() == null ? null : Set.copyOf(r.changed()), r.changedOn(), r.notifiedNames(),
                r.notifiedAddress(), late));
        boolean first = r.kind() == NotificationKind.INITIAL;
        var status = first && requirement.status() == RequirementStatus.OPEN ? RequirementStatus.MET
                : requirement.status();
        // a change notified closes the clock the police opened for a change on that day, met or late
        var changes = requirement.changesSoFar().stream().map(c -> c.status() == RequirementStatus.OPEN
                && r.kind() == NotificationKind.CHANGE && c.changedOn().equals(r.changedOn())
                ? new NotificationRequirement.ChangeClock(c.changeId(), c.changed(), c.changedOn(), null,
                        late ? RequirementStatus.OVERDUE : RequirementStatus.MET, c.openedBy(), c.openedAt()) : c)
                .toList();
        var updated = new NotificationRequirement(requirement.orderId(), requirement.version() + 1,
                requirement.servedAt(), first ? null : requirement.dueAt(), status, notifications,
                requirement.outbox(), changes);
        if (!outbox.replace(updated, requirement.version(), List.of())) {
            throw Problem.conflict("concurrent-change", "the notification requirement of order "
                    + requirement.orderId() + " changed at the same time; try again");
        }
        return updated;
    }

    /**
     * A change the police learnt of: the subject must notify it within 3 days beginning with the day it happened, or
     * {@code notification-requirement.overdue} is raised. Opened once per day of change.
     */
    public NotificationRequirement openChange(String orderId, RecordNotificationRequest.ChangeRequest r, Actor by) {
        var requirement = find(orderId).orElseThrow(() -> Problem.notFound("Notification requirement", orderId));
        checkChange(true, r.changed(), r.changedOn(), requirement,
                clock.instant().atZone(Court.ZONE).toLocalDate());
        if (requirement.changesSoFar().stream().anyMatch(c -> c.changedOn().equals(r.changedOn()))
                || requirement.notifications().stream().anyMatch(n -> r.changedOn().equals(n.changedOn()))) {
            throw Problem.conflict("change-known", "a change on " + r.changedOn() + " is already recorded");
        }
        var changes = new ArrayList<>(requirement.changesSoFar());
        changes.add(new NotificationRequirement.ChangeClock(java.util.UUID.randomUUID().toString(),
                Set.copyOf(r.changed()), r.changedOn(), dueAt(r.changedOn()), RequirementStatus.OPEN, by,
                clock.instant()));
        var updated = new NotificationRequirement(requirement.orderId(), requirement.version() + 1,
                requirement.servedAt(), requirement.dueAt(), requirement.status(), requirement.notifications(),
                requirement.outbox(), changes);
        if (!outbox.replace(updated, requirement.version(), List.of())) {
            throw Problem.conflict("concurrent-change", "the notification requirement of order "
                    + requirement.orderId() + " changed at the same time; try again");
        }
        return updated;
    }

    /** A change names what changed and a day between the service and {@code latest}; a first notification neither. */
    private static void checkChange(boolean change, Set<NotificationRequirement.ChangedDetail> changed,
                                    LocalDate changedOn, NotificationRequirement requirement, LocalDate latest) {
        if (!change) {
            if (changed != null || changedOn != null) {
                throw Problem.rule("change-details", changed != null ? "changed" : "changedOn",
                        "only a CHANGE says what changed and when");
            }
            return;
        }
        if (changed == null || changed.isEmpty()) {
            throw Problem.rule("change-details", "changed", "say what changed: NAME, HOME_ADDRESS or both");
        }
        if (changedOn == null) {
            throw Problem.rule("change-details", "changedOn", "say on which day it changed");
        }
        if (changedOn.isAfter(latest)) {
            throw Problem.rule("changed-later", "changedOn", "the change cannot be after " + latest);
        }
        if (changedOn.isBefore(requirement.servedAt().atZone(Court.ZONE).toLocalDate())) {
            throw Problem.rule("changed-before-service", "changedOn", "the order was served on "
                    + requirement.servedAt().atZone(Court.ZONE).toLocalDate());
        }
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
                            null, order.subject(), order.agencies()));
            var claimed = outbox.update(query(where("_id").is(r.orderId()).and("version").is(r.version())
                            .and("status").is(RequirementStatus.OPEN)),
                    new Update().set("status", RequirementStatus.OVERDUE).unset("dueAt").inc("version", 1),
                    NotificationRequirement.class, List.of(event));
            if (claimed != null) {
                raised++;
            }
        }
        for (var r : mongo.find(query(where("changes").elemMatch(where("status").is(RequirementStatus.OPEN)
                .and("dueAt").lte(now))).limit(200), NotificationRequirement.class)) {
            var known = orders.find(r.orderId());
            if (known.isEmpty()) {
                continue;
            }
            var order = known.get().order();
            // one change at a time, each a compare-and-set on the requirement's version: raised once
            for (var c : r.changesSoFar()) {
                if (c.status() != RequirementStatus.OPEN || c.dueAt().isAfter(now)) {
                    continue;
                }
                var current = mongo.findById(r.orderId(), NotificationRequirement.class);
                var changes = current.changesSoFar().stream().map(x -> x.changeId().equals(c.changeId())
                        && x.status() == RequirementStatus.OPEN ? new NotificationRequirement.ChangeClock(
                        x.changeId(), x.changed(), x.changedOn(), x.dueAt(), RequirementStatus.OVERDUE,
                        x.openedBy(), x.openedAt()) : x).toList();
                if (changes.equals(current.changesSoFar())) {
                    continue; // raised meanwhile
                }
                var event = events.create(EventType.NOTIFICATION_REQUIREMENT_OVERDUE, r.orderId(),
                        new NotificationRequirementOverdue(r.orderId(), order.version(), r.servedAt(), c.dueAt(),
                                c.changedOn(), order.subject(), order.agencies()));
                var claimed = outbox.update(query(where("_id").is(r.orderId()).and("version").is(current.version())),
                        new Update().set("changes", changes).inc("version", 1), NotificationRequirement.class,
                        List.of(event));
                if (claimed != null) {
                    raised++;
                }
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
