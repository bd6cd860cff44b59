package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.schemas.events.SubjectSummary;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.web.Problem;

/**
 * An order as order-registry stores it: the whole order including the protected persons' details (which only this
 * service holds), its history of changes with actor, time and the terms at each version, and the events of its
 * changes not yet published. Each change raises {@code version} by one; the service stores a change only if the
 * stored version is still the one it read (compare-and-set), so two changes never overwrite each other.
 */
@Document(OrderDocument.COLLECTION)
public class OrderDocument {

    public static final String COLLECTION = "orders";
    @Id
    private final String id;
    private long version;
    private final OrderType orderType;
    private OrderStatus status;
    private final Court court;
    private final String courtCaseReference;
    private final LocalDate madeOn;
    private Instant servedAt;
    private LocalDate endsOn;
    private boolean untilFurtherOrder;
    private final Subject subject;
    private final List<ProtectedPerson> protectedPersons;
    private List<OrderCondition> conditions;
    private AgencyAssignments agencies;
    private final String interimOrderId;
    private String fullOrderId;
    /** Why serving this order starts no notification-requirement clock; null when it does. */
    private final NotificationExemption notificationExemption;
    /** When a bulk import brought the order in; null for an order registered here. */
    private final Instant importedAt;
    /** Set on a full order until the interim order it replaces is marked superseded. */
    private String pendingSupersession;
    /** When the expiry timer fires: the first instant after the end date, in court time; null when none is due. */
    private Instant expiresAt;
    private final List<HistoryEntry> history;
    private final List<OutboxEvent> outbox;
    /** The Idempotency-Key requests of the latest changes (ADR 11): a retry whose answer was lost finds its own. */
    private final List<String> requests;
    private static final int REQUESTS_KEPT = 20;

    @PersistenceCreator
    OrderDocument(String id, long version, OrderType orderType, OrderStatus status, Court court,
                  String courtCaseReference, LocalDate madeOn, Instant servedAt, LocalDate endsOn,
                  boolean untilFurtherOrder, Subject subject, List<ProtectedPerson> protectedPersons,
                  List<OrderCondition> conditions, AgencyAssignments agencies, String interimOrderId,
                  String fullOrderId, NotificationExemption notificationExemption, Instant importedAt,
                  String pendingSupersession, Instant expiresAt, List<HistoryEntry> history, List<OutboxEvent> outbox,
                  List<String> requests) {
        this.id = id;
        this.version = version;
        this.orderType = orderType;
        this.status = status;
        this.court = court;
        this.courtCaseReference = courtCaseReference;
        this.madeOn = madeOn;
        this.servedAt = servedAt;
        this.endsOn = endsOn;
        this.untilFurtherOrder = untilFurtherOrder;
        this.subject = subject;
        this.protectedPersons = new ArrayList<>(protectedPersons == null ? List.of() : protectedPersons);
        this.conditions = conditions;
        this.agencies = agencies;
        this.interimOrderId = interimOrderId;
        this.fullOrderId = fullOrderId;
        this.notificationExemption = notificationExemption;
        this.importedAt = importedAt;
        this.pendingSupersession = pendingSupersession;
        this.expiresAt = expiresAt;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.requests = new ArrayList<>(requests == null ? List.of() : requests);
    }

    /** Whether the request being handled already made a change of this order: a retry whose answer was lost. */
    boolean changedByCurrentRequest() {
        return requests.stream().anyMatch(IdempotentRequest::isCurrent);
    }

    /** A newly granted order at version 1. */
    static OrderDocument granted(String id, OrderType type, Court court, String courtCaseReference, LocalDate madeOn,
                                 LocalDate endsOn, boolean untilFurtherOrder, Subject subject,
                                 List<ProtectedPerson> protectedPersons, List<OrderCondition> conditions,
                                 AgencyAssignments agencies, String interimOrderId,
                                 NotificationExemption notificationExemption, Actor by, Instant at) {
        var order = new OrderDocument(id, 0, type, OrderStatus.GRANTED, court, courtCaseReference, madeOn, null,
                endsOn, untilFurtherOrder, subject, protectedPersons, conditions, agencies, interimOrderId, null,
                notificationExemption, null, interimOrderId, null, List.of(), List.of(), List.of());
        order.changed("registered", by, at, null);
        return order;
    }

    /**
     * An order a force already had, brought in by a bulk import: granted, and served when {@code servedAt} is given,
     * as one version whose history says it was imported.
     */
    static OrderDocument imported(String id, RegisterOrderRequest r, Subject subject,
                                  List<ProtectedPerson> protectedPersons, List<OrderCondition> conditions,
                                  AgencyAssignments agencies, Instant servedAt, Actor by, Instant at) {
        var order = new OrderDocument(id, 0, r.type(), servedAt == null ? OrderStatus.GRANTED : OrderStatus.SERVED,
                new Court(r.court().name(), r.court().code()), r.courtCaseReference(), r.madeOn(), servedAt,
                r.endsOn(), r.endsUntilFurtherOrder(), subject, protectedPersons, conditions, agencies, null, null,
                r.notificationExemption(), at, null, null, List.of(), List.of(), List.of());
        order.changed("imported", by, at, null);
        return order;
    }

    /** The person the order is against. Address and date of birth stay in this service. */
    public record Subject(String name, List<String> aliases, LocalDate dateOfBirth, String homeAddress, String pncId,
                          String crn) {
    }

    /**
     * A person the order protects, known elsewhere only by {@code protectedPersonId}.
     *
     * @param advocatePersonId the caseworker assigned to this person, when there is one
     */
    public record ProtectedPerson(String protectedPersonId, String name, String address, String phone, String email,
                                  String safeContactPreferences, String advocatePersonId) {

        ProtectedPerson withAdvocate(String personId) {
            return new ProtectedPerson(protectedPersonId, name, address, phone, email, safeContactPreferences,
                    personId);
        }
    }

    /** One change: what was done, by whom, when, why, and the terms of the version it produced. */
    public record HistoryEntry(long version, String action, Actor by, Instant at, String reason, OrderTerms terms) {
    }

    // --- life cycle -------------------------------------------------------------------------------------------

    void serve(Instant when, Actor by, Instant now) {
        if (status == OrderStatus.SERVED) {
            throw Problem.conflict("serve-once", "order " + id + " was already served at " + servedAt);
        }
        requireActive("serve");
        servedAt = when;
        status = OrderStatus.SERVED;
        changed("served", by, now, null);
    }

    void vary(List<OrderCondition> newConditions, LocalDate newEndsOn, Boolean newUntilFurtherOrder, String reason,
              Actor by, Instant now) {
        requireActive("vary");
        if (newConditions != null) {
            conditions = newConditions;
        }
        if (newEndsOn != null || newUntilFurtherOrder != null) {
            endsOn = newEndsOn;
            untilFurtherOrder = Boolean.TRUE.equals(newUntilFurtherOrder);
        }
        changed("varied", by, now, reason);
    }

    /**
     * The case moves to {@code to} for one kind of agency. When the agency itself changes, the requirements the old
     * agency supervised move with the case (a named responsible person becomes the new assignee), and an advocate of
     * the old advocacy service no longer advocates for a protected person here (the new service allocates its own).
     *
     * @return the assignment before, null when no agency of that kind was involved
     */
    Assignment reassign(AgencyKind kind, Assignment to, Actor by, Instant now) {
        requireActive("reassign");
        Assignment before = agencies.of(kind);
        agencies = agencies.with(kind, to);
        if (before != null && !before.agencyId().equals(to.agencyId())) {
            conditions = conditions.stream().map(c -> before.agencyId().equals(c.supervisingAgencyId())
                    ? c.supervisedBy(to.agencyId(), c.responsiblePersonId() == null ? null : to.personId()) : c)
                    .toList();
            if (kind == AgencyKind.ADVOCACY) {
                protectedPersons.replaceAll(p -> p.withAdvocate(null));
            }
        }
        changed("reassigned", by, now, null);
        return before;
    }

    void addProtectedPerson(ProtectedPerson person, Actor by, Instant now) {
        requireActive("change");
        protectedPersons.add(person);
        changed("protected-person-added", by, now, null);
    }

    void updateProtectedPerson(ProtectedPerson person, Actor by, Instant now) {
        requireActive("change");
        protectedPersons.replaceAll(p -> p.protectedPersonId().equals(person.protectedPersonId()) ? person : p);
        changed("protected-person-updated", by, now, null);
    }

    void renew(LocalDate newEndsOn, boolean newUntilFurtherOrder, Actor by, Instant now) {
        requireActive("renew");
        endsOn = newEndsOn;
        untilFurtherOrder = newUntilFurtherOrder;
        changed("renewed", by, now, null);
    }

    void discharge(String reason, Actor by, Instant now) {
        requireActive("discharge");
        status = OrderStatus.DISCHARGED;
        changed("discharged", by, now, reason);
    }

    void expire(Instant now) {
        requireActive("expire");
        status = OrderStatus.EXPIRED;
        changed("expired", null, now, null);
    }

    /** An interim order ends without a full order: {@code outcome} is the refusal or the withdrawal. */
    void endInterim(OrderStatus outcome, Actor by, Instant now) {
        requireActive("end");
        if (orderType != OrderType.INTERIM_SPO) {
            throw Problem.conflict("interim-only", "order " + id + " is a " + orderType + ": only an interim SPO "
                    + "ends when the application for the full order is refused or withdrawn");
        }
        status = outcome;
        changed(outcome == OrderStatus.FULL_ORDER_REFUSED ? "full-order-refused" : "application-withdrawn", by, now,
                null);
    }

    void supersede(String byFullOrderId, Actor by, Instant now) {
        requireActive("supersede");
        status = OrderStatus.SUPERSEDED;
        fullOrderId = byFullOrderId;
        changed("superseded", by, now, "replaced by the full order " + byFullOrderId);
    }

    void supersessionDone() {
        pendingSupersession = null;
    }

    void addEvent(OutboxEvent event) {
        outbox.add(event);
    }

    void requireActive(String action) {
        if (!status.active()) {
            throw Problem.conflict(action + "-active-only", "order " + id + " is " + status + ": only a GRANTED or "
                    + "SERVED order can be " + pastTense(action));
        }
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "vary" -> "varied";
            case "serve" -> "served";
            case "renew" -> "renewed";
            case "discharge" -> "discharged";
            case "expire" -> "expired";
            case "reassign" -> "reassigned";
            case "change" -> "changed";
            case "end" -> "ended";
            default -> action + "d";
        };
    }

    private void changed(String action, Actor by, Instant now, String reason) {
        version++;
        expiresAt = status.active() && !untilFurtherOrder && endsOn != null
                ? endsOn.plusDays(1).atStartOfDay(Court.ZONE).toInstant() : null;
        history.add(new HistoryEntry(version, action, by, now, reason, terms()));
        String request = IdempotentRequest.currentId();
        if (request != null) {
            requests.add(request);
            if (requests.size() > REQUESTS_KEPT) {
                requests.remove(0);
            }
        }
    }

    OrderTerms terms() {
        return new OrderTerms(status, servedAt, endsOn, untilFurtherOrder, List.copyOf(conditions), agencies);
    }

    /** What other services may know of this order. */
    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, version, orderType, status, court, courtCaseReference, madeOn, servedAt, endsOn,
                untilFurtherOrder, new SubjectSummary(subject.name(), subject.pncId(), subject.crn()),
                protectedPersons.stream().map(ProtectedPerson::protectedPersonId).toList(),
                conditions.stream().map(OrderCondition::shared).toList(), agencies.withAdvocates(protectedPersons
                .stream().map(ProtectedPerson::advocatePersonId).filter(java.util.Objects::nonNull).distinct()
                .toList()), interimOrderId, fullOrderId, notificationExemption, importedAt);
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public OrderType orderType() {
        return orderType;
    }

    public OrderStatus status() {
        return status;
    }

    public Court court() {
        return court;
    }

    public String courtCaseReference() {
        return courtCaseReference;
    }

    public LocalDate madeOn() {
        return madeOn;
    }

    public Instant servedAt() {
        return servedAt;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public boolean untilFurtherOrder() {
        return untilFurtherOrder;
    }

    public Subject subject() {
        return subject;
    }

    public List<ProtectedPerson> protectedPersons() {
        return protectedPersons;
    }

    public List<OrderCondition> conditions() {
        return conditions;
    }

    public AgencyAssignments agencies() {
        return agencies;
    }

    public String interimOrderId() {
        return interimOrderId;
    }

    public String fullOrderId() {
        return fullOrderId;
    }

    public NotificationExemption notificationExemption() {
        return notificationExemption;
    }

    public Instant importedAt() {
        return importedAt;
    }

    public String pendingSupersession() {
        return pendingSupersession;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public List<OutboxEvent> outbox() {
        return List.copyOf(outbox);
    }
}
