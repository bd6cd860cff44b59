package uk.orderwatch.notification.alerts;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.orderwatch.notification.orders.KnownOrder;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.BreachOutcomeRecorded;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.ComplianceEvent;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.schemas.events.NoFurtherActionReason;
import uk.orderwatch.schemas.events.NotificationRequirementOverdue;
import uk.orderwatch.schemas.events.OrderDischarged;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.SessionUnrecorded;
import uk.orderwatch.schemas.events.Severity;

/**
 * What an alert says, per recipient role: every field an event could give, then only those the role is allowed
 * (one allowlist per role, in one place). An advocate is told what happened, when, the police reference and what
 * the police are doing; probation never gets anything beyond its own work; nobody gets a protected person's data,
 * which no event carries anyway.
 */
public final class AlertContent {

    /** Message fields in the order they are shown. */
    public static final List<String> FIELDS = List.of("what", "when", "subject", "policeReference", "condition",
            "beforeService", "programme", "dueBy", "count", "risk", "reportedBy", "orderStatus", "policeAction",
            "breachId", "sessionId", "priority");

    static final Map<RecipientRole, Set<String>> ALLOWED = new EnumMap<>(Map.of(
            RecipientRole.OFFICER_IN_CHARGE, Set.copyOf(FIELDS),
            RecipientRole.PROBATION_PRACTITIONER, Set.of("what", "when", "subject", "policeReference", "condition",
                    "programme", "dueBy", "count", "risk", "reportedBy", "orderStatus", "breachId", "sessionId",
                    "priority"),
            RecipientRole.ADVOCATE_CASEWORKER, Set.of("what", "when", "subject", "policeReference", "condition",
                    "orderStatus", "policeAction", "breachId", "sessionId", "priority"),
            RecipientRole.ESCALATION_CONTACT, Set.copyOf(FIELDS)));

    private static final Map<RecipientRole, String> ROLE_NAMES = new EnumMap<>(Map.of(
            RecipientRole.OFFICER_IN_CHARGE, "officer in charge",
            RecipientRole.PROBATION_PRACTITIONER, "probation practitioner",
            RecipientRole.ADVOCATE_CASEWORKER, "caseworker"));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(Court.ZONE);

    /**
     * Title, fields and body of one alert.
     *
     * @param headline the title without anyone's name: what a text message says (an SMS may be read by anyone near
     *                 the phone)
     */
    public record Message(String title, String headline, Map<String, String> fields, String body) {

        /** The message for the person on duty who takes it because the order names nobody for {@code roleName}. */
        public Message onDuty(String roleName) {
            return new Message(title, headline, fields, "The order names no " + roleName + ": you have this alert "
                    + "as the person on duty.\n" + body);
        }
    }

    /** What a role is called in an alert's words. */
    public static String roleName(RecipientRole role) {
        return ROLE_NAMES.getOrDefault(role, "contact");
    }

    private AlertContent() {
    }

    public static Message render(CloudEvent<?> event, RecipientRole role, Severity priority, KnownOrder order,
                                 String policeAction) {
        return render(event, new Recipient(null, null, role), priority, order, policeAction);
    }

    /** The message for one recipient: what the role is told, and what concerns that person alone. */
    public static Message render(CloudEvent<?> event, Recipient recipient, Severity priority, KnownOrder order,
                                 String policeAction) {
        RecipientRole role = recipient.role();
        Map<String, String> all = new LinkedHashMap<>();
        Object data = event.data();
        EventType type = EventType.fromType(event.type()).orElseThrow();
        String subject = data instanceof ComplianceEvent c ? c.subject().displayName()
                : data instanceof OrderEvent o ? o.order().subject().displayName() : null;
        String title;
        switch (type) {
            case BREACH_REPORTED -> {
                var b = (BreachReported) data;
                title = "Breach reported: " + b.conditionCategory().label();
                all.put("what", "A breach of the condition \"" + b.conditionCategory().label() + "\" was reported.");
                all.put("when", when(b.occurredAt()));
                all.put("condition", b.conditionCategory().label());
                all.put("reportedBy", b.reportedBy().agencyId());
                // the report the alert is about: GET /orders/{orderId}/breaches/{breachId} in breach-report
                all.put("breachId", b.breachId());
                if (b.beforeService()) {
                    all.put("beforeService", "It happened before the order was served: it cannot be prosecuted as "
                            + "a breach of the order.");
                }
            }
            case BREACH_OUTCOME_RECORDED -> {
                var o = (BreachOutcomeRecorded) data;
                title = "Police update on a reported breach: " + STEP_WORDS.get(o.step());
                all.put("what", breachStep(o, role));
                all.put("when", when(o.stepAt()));
                all.put("condition", o.conditionCategory().label());
                all.put("breachId", o.breachId());
            }
            case SESSION_MISSED -> {
                var s = (SessionOutcome) data;
                title = "Programme session missed: " + s.programmeName();
                all.put("what", "A " + s.programmeName() + " session was missed without an acceptable reason.");
                all.put("when", when(s.sessionStart()));
                all.put("programme", s.programmeName());
                all.put("reportedBy", s.recordedBy().agencyId());
                all.put("sessionId", s.sessionId());
            }
            case SESSION_UNRECORDED -> {
                var s = (SessionUnrecorded) data;
                title = "Session outcome not recorded: " + s.programmeName();
                all.put("what", "Nobody recorded whether the " + s.programmeName() + " session happened.");
                all.put("when", when(s.sessionStart()));
                all.put("programme", s.programmeName());
                all.put("dueBy", when(s.dueBy()));
            }
            case SESSION_CONCERN_RAISED -> {
                var s = (SessionConcernRaised) data;
                title = "Behaviour concern at a programme session" + (s.risk() ? " (risk)" : "");
                all.put("what", "The provider recorded a behaviour concern at a session.");
                all.put("when", when(s.sessionStart()));
                all.put("risk", s.risk() ? "It may put the protected person at risk." : "No risk flagged.");
            }
            case NOTIFICATION_REQUIREMENT_OVERDUE -> {
                var n = (NotificationRequirementOverdue) data;
                title = n.changeOn() == null ? "Notification requirement overdue"
                        : "Change of name or address not notified";
                all.put("what", n.changeOn() == null ? "The subject has not notified the police of names and home "
                        + "address within 3 days of service." : "The subject has not notified the police of the "
                        + "change of name or home address on " + DAY.format(n.changeOn()) + " within 3 days of it.");
                all.put("when", when(n.changeOn() == null ? n.servedAt()
                        : n.changeOn().atStartOfDay(Court.ZONE).toInstant()));
                all.put("dueBy", when(n.dueBy()));
            }
            case ENFORCEMENT_REVIEW_REQUIRED -> {
                var r = (EnforcementReviewRequired) data;
                title = "Enforcement review required";
                all.put("what", r.count() + " unacceptable absences or behaviour concerns at the programme"
                        + (r.windowDays() == null ? "" : " within " + r.windowDays() + " days")
                        + " reached the threshold of " + r.threshold() + ". The practitioner decides on enforcement"
                        + (r.responseBy() == null ? "." : " by " + when(r.responseBy()) + "."));
                all.put("count", String.valueOf(r.count()));
                if (r.responseBy() != null) {
                    all.put("dueBy", when(r.responseBy()));
                }
            }
            case ORDER_REASSIGNED -> {
                var r = (OrderReassigned) data;
                String who = ROLE_NAMES.get(AlertRouting.role(r.agencyKind()));
                title = "Case reassigned: you are now the " + who;
                all.put("what", "You are now the " + who + " for this order. No court was involved: the order "
                        + "itself has not changed.");
                all.put("when", when(event.time()));
            }
            case ORDERS_IMPORTED -> {
                var i = (OrdersImported) data;
                int yours = i.assignees().stream().filter(a -> a.role() == role
                        && a.personId().equals(recipient.personId()) && a.agencyId().equals(recipient.agencyId()))
                        .mapToInt(OrdersImported.Assignee::orders).sum();
                String who = ROLE_NAMES.getOrDefault(role, "contact");
                title = "Orders brought into orderwatch: " + yours + " for you";
                all.put("what", "The police brought " + i.orders() + " existing order" + (i.orders() == 1 ? "" : "s")
                        + " into orderwatch. You are the " + who + " on " + yours + " of them: they are in your "
                        + "orders. Nothing that was due before the import is chased.");
                all.put("when", when(i.importedAt()));
                all.put("count", String.valueOf(yours));
            }
            case ORDER_PROTECTED_PERSON_ADDED -> {
                title = "A protected person was added to the order";
                all.put("what", "The police added a person the order protects. Their details are on the order in "
                        + "orderwatch.");
                all.put("when", when(event.time()));
            }
            case ORDER_PROTECTED_PERSON_UPDATED -> {
                title = "A protected person's details changed";
                all.put("what", "The details of a person the order protects were updated (for example a new "
                        + "address or phone number). See the order in orderwatch.");
                all.put("when", when(event.time()));
            }
            default -> {
                var o = ((OrderEvent) data).order();
                title = orderHeadline(type, o);
                all.put("what", orderWhat(type, o, data));
                all.put("when", when(event.time()));
                all.put("orderStatus", STATUS_WORDS.get(o.status()));
            }
        }
        String headline = title;
        if (subject != null) {
            all.put("subject", subject);
            title = title + ", " + subject;
        }
        if (order != null) {
            all.put("policeReference", order.order().courtCaseReference() + " at " + order.order().court().name()
                    + " (order " + order.orderId() + ")");
        } else {
            all.put("policeReference", "order " + event.subject());
        }
        if (policeAction != null) {
            all.put("policeAction", policeAction);
        }
        all.put("priority", priority.name());
        Set<String> allowed = ALLOWED.get(role);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : FIELDS) {
            if (all.containsKey(key) && allowed.contains(key)) {
                fields.put(key, all.get(key));
            }
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(k).append(": ").append(v).append('\n'));
        return new Message(shortened(title), shortened(headline), fields, body.toString());
    }

    /** A step of a breach's life, as a headline says it. */
    static final Map<BreachOutcomeStep, String> STEP_WORDS = new EnumMap<>(Map.of(
            BreachOutcomeStep.ATTENDED, "officers attended",
            BreachOutcomeStep.ARRESTED, "arrested",
            BreachOutcomeStep.VOLUNTARY_INTERVIEW, "interviewed under caution",
            BreachOutcomeStep.RELEASED_UNDER_INVESTIGATION, "released under investigation",
            BreachOutcomeStep.CHARGED, "charged",
            BreachOutcomeStep.NO_FURTHER_ACTION, "no further action",
            BreachOutcomeStep.CONVICTED, "convicted",
            BreachOutcomeStep.ACQUITTED, "acquitted"));

    static final Map<NoFurtherActionReason, String> NFA_WORDS = new EnumMap<>(Map.of(
            NoFurtherActionReason.EVIDENTIAL_DIFFICULTIES, "there is not enough evidence to charge",
            NoFurtherActionReason.REASONABLE_EXCUSE, "the police accepted that there was a reasonable excuse",
            NoFurtherActionReason.VICTIM_DOES_NOT_SUPPORT_ACTION,
            "the person the order protects does not support further action",
            NoFurtherActionReason.NOT_IN_PUBLIC_INTEREST, "a prosecution is not in the public interest",
            NoFurtherActionReason.NOT_A_BREACH, "on investigation it was not a breach of the order"));

    /**
     * What the police did, in the words fit for each reader: the practitioner reads of "the person on probation",
     * the advocate of "the subject", with what it means for the safety of the person they support.
     */
    static String breachStep(BreachOutcomeRecorded o, RecipientRole role) {
        boolean probation = role == RecipientRole.PROBATION_PRACTITIONER;
        String who = probation ? "the person on probation" : "the subject";
        String breach = "the reported breach of \"" + o.conditionCategory().label() + "\" on "
                + DAY.format(o.breachOccurredAt().atZone(Court.ZONE));
        String sentence = switch (o.step()) {
            case ATTENDED -> "Officers attended " + breach + ".";
            case ARRESTED -> "The police arrested " + who + " for " + breach + ".";
            case VOLUNTARY_INTERVIEW -> "The police interviewed " + who + " under caution about " + breach + ".";
            case RELEASED_UNDER_INVESTIGATION -> "The police released " + who + " while they investigate " + breach
                    + (probation ? "." : ": they are not in custody. Review the safety plan of the person you "
                    + "support.");
            case CHARGED -> "The police charged " + who + " with " + breach + ". The case goes to court.";
            case NO_FURTHER_ACTION -> "The police are taking no further action on " + breach + ": "
                    + NFA_WORDS.get(o.noFurtherActionReason()) + ".";
            case CONVICTED -> "The court convicted " + who + " of " + breach + ".";
            case ACQUITTED -> "The court acquitted " + who + " of " + breach + ".";
        };
        return sentence + (o.reasonableExcuseRaised() ? " " + capitalised(who) + " said they had a reasonable "
                + "excuse." : "");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** An order's state in words, for people who never see its codes. */
    static final Map<OrderStatus, String> STATUS_WORDS = new EnumMap<>(Map.of(
            OrderStatus.GRANTED, "granted, not yet served on the subject",
            OrderStatus.SERVED, "in force: served on the subject",
            OrderStatus.DISCHARGED, "ended: discharged by the court",
            OrderStatus.EXPIRED, "ended: it reached its end date",
            OrderStatus.SUPERSEDED, "ended: replaced by the full order",
            OrderStatus.FULL_ORDER_REFUSED, "ended: the court refused the full order",
            OrderStatus.APPLICATION_WITHDRAWN, "ended: the application for the full order was withdrawn"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private static String until(OrderSnapshot o) {
        return o.untilFurtherOrder() || o.endsOn() == null ? "until the court orders otherwise"
                : "until " + DAY.format(o.endsOn());
    }

    private static String orderHeadline(EventType type, OrderSnapshot o) {
        return switch (type) {
            case ORDER_REGISTERED -> o.interimOrderId() != null ? "Full order granted, replacing the interim order"
                    : "New order: " + o.orderType().label() + " granted";
            case ORDER_SERVED -> "Order served on the subject";
            case ORDER_VARIED -> "Order varied by the court";
            case ORDER_RENEWED -> "Order renewed by the court";
            case ORDER_DISCHARGED -> "Order discharged: it no longer protects anyone";
            case ORDER_EXPIRED -> "Order expired: it no longer protects anyone";
            case ORDER_INTERIM_ENDED -> "Interim order ended: " + (o.status() == OrderStatus.FULL_ORDER_REFUSED
                    ? "full order refused" : "application withdrawn");
            default -> "Order changed";
        };
    }

    private static String orderWhat(EventType type, OrderSnapshot o, Object data) {
        String order = "The " + o.orderType().label();
        return switch (type) {
            case ORDER_REGISTERED -> (o.interimOrderId() != null ? "The court granted the full "
                    + o.orderType().label() + ". It replaces the interim order from now on and lasts "
                    : "The court granted a " + o.orderType().label() + " on " + DAY.format(o.madeOn())
                    + ". It lasts ") + until(o) + ", and binds the subject once it is served on them.";
            case ORDER_SERVED -> order + " was served on the subject. It binds them from now on: a breach can be "
                    + "prosecuted.";
            case ORDER_VARIED -> "The court changed the " + o.orderType().label() + "'s conditions or its end. It "
                    + "now lasts " + until(o) + ".";
            case ORDER_RENEWED -> "The court renewed the " + o.orderType().label() + ". It now lasts " + until(o)
                    + ".";
            case ORDER_DISCHARGED -> "The court discharged the " + o.orderType().label() + " on "
                    + DAY.format(((OrderDischarged) data).dischargedOn()) + ". It no longer protects anyone.";
            case ORDER_EXPIRED -> order + " reached its end date and has expired. It no longer protects anyone.";
            case ORDER_INTERIM_ENDED -> "The interim order has ended: " + (o.status() == OrderStatus.FULL_ORDER_REFUSED
                    ? "the court refused the full order." : "the application for the full order was withdrawn.")
                    + " It no longer protects anyone.";
            default -> order + " changed.";
        };
    }

    /** A time as every message of notification writes it: "29 Nov 2026 10:09 UK time". */
    public static String when(Instant instant) {
        return WHEN.format(instant) + " UK time";
    }
}
