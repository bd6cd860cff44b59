package uk.orderwatch.schemas;

import java.util.Arrays;
import java.util.Optional;
import uk.orderwatch.schemas.events.AccessRefusedRepeatedly;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.schemas.events.AlertAcknowledged;
import uk.orderwatch.schemas.events.AlertDelivered;
import uk.orderwatch.schemas.events.AlertEscalated;
import uk.orderwatch.schemas.events.AlertFailed;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.schemas.events.BreachOutcomeRecorded;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.schemas.events.InterimOrderEnded;
import uk.orderwatch.schemas.events.NotificationRequirementOverdue;
import uk.orderwatch.schemas.events.OrderDischarged;
import uk.orderwatch.schemas.events.OrderExpired;
import uk.orderwatch.schemas.events.OrderImported;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderRenewed;
import uk.orderwatch.schemas.events.OrderServed;
import uk.orderwatch.schemas.events.OrderSuperseded;
import uk.orderwatch.schemas.events.OrderVaried;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.schemas.events.ProtectedPersonChanged;
import uk.orderwatch.schemas.events.SessionConcernRaised;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.SessionUnrecorded;

/**
 * Every event type orderwatch publishes: its name, schema version, topic and Java record.
 * The JSON Schema of each lives at {@code /schemas/<type>.v<version>.schema.json}, an example at
 * {@code /examples/<type>.v<version>.json}.
 */
public enum EventType {
    ORDER_REGISTERED("order.registered", 1, Topics.ORDERS, OrderRegistered.class),
    ORDER_SERVED("order.served", 1, Topics.ORDERS, OrderServed.class),
    ORDER_VARIED("order.varied", 1, Topics.ORDERS, OrderVaried.class),
    ORDER_RENEWED("order.renewed", 1, Topics.ORDERS, OrderRenewed.class),
    ORDER_DISCHARGED("order.discharged", 1, Topics.ORDERS, OrderDischarged.class),
    ORDER_EXPIRED("order.expired", 1, Topics.ORDERS, OrderExpired.class),
    ORDER_SUPERSEDED("order.superseded", 1, Topics.ORDERS, OrderSuperseded.class),
    ORDER_IMPORTED("order.imported", 1, Topics.ORDERS, OrderImported.class),
    ORDERS_IMPORTED("orders.imported", 1, Topics.ORDERS, OrdersImported.class),
    ORDER_INTERIM_ENDED("order.interim-ended", 1, Topics.ORDERS, InterimOrderEnded.class),
    ORDER_REASSIGNED("order.reassigned", 1, Topics.ORDERS, OrderReassigned.class),
    ORDER_PROTECTED_PERSON_ADDED("order.protected-person-added", 1, Topics.ORDERS, ProtectedPersonChanged.class),
    ORDER_PROTECTED_PERSON_UPDATED("order.protected-person-updated", 1, Topics.ORDERS,
            ProtectedPersonChanged.class),
    BREACH_REPORTED("breach.reported", 1, Topics.COMPLIANCE, BreachReported.class),
    BREACH_OUTCOME_RECORDED("breach.outcome-recorded", 1, Topics.COMPLIANCE, BreachOutcomeRecorded.class),
    SESSION_MISSED("session.missed", 1, Topics.COMPLIANCE, SessionOutcome.class),
    SESSION_ATTENDED("session.attended", 1, Topics.COMPLIANCE, SessionOutcome.class),
    SESSION_ABSENCE_EXCUSED("session.absence-excused", 1, Topics.COMPLIANCE, SessionOutcome.class),
    SESSION_CANCELLED("session.cancelled", 1, Topics.COMPLIANCE, SessionOutcome.class),
    SESSION_CONCERN_RAISED("session.concern-raised", 1, Topics.COMPLIANCE, SessionConcernRaised.class),
    SESSION_UNRECORDED("session.unrecorded", 1, Topics.COMPLIANCE, SessionUnrecorded.class),
    NOTIFICATION_REQUIREMENT_OVERDUE("notification-requirement.overdue", 1, Topics.COMPLIANCE,
            NotificationRequirementOverdue.class),
    ENFORCEMENT_REVIEW_REQUIRED("enforcement.review-required", 1, Topics.COMPLIANCE,
            EnforcementReviewRequired.class),
    ALERT_RAISED("alert.raised", 1, Topics.ALERTS, AlertRaised.class),
    ALERT_DELIVERED("alert.delivered", 1, Topics.ALERTS, AlertDelivered.class),
    ALERT_FAILED("alert.failed", 1, Topics.ALERTS, AlertFailed.class),
    ALERT_ACKNOWLEDGED("alert.acknowledged", 1, Topics.ALERTS, AlertAcknowledged.class),
    ALERT_ESCALATED("alert.escalated", 1, Topics.ALERTS, AlertEscalated.class),
    AGENCY_RECORDED("agency.recorded", 1, Topics.DIRECTORY, AgencyRecorded.class),
    /** Each service publishes it on its own access topic ({@link Topics#access}): see {@link #topicFor}. */
    ACCESS_REFUSED_REPEATEDLY("access.refused-repeatedly", 1, null, AccessRefusedRepeatedly.class);

    private final String type;
    private final int version;
    private final String topic;
    private final Class<?> dataClass;

    EventType(String type, int version, String topic, Class<?> dataClass) {
        this.type = type;
        this.version = version;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    /** The topic of this type; null for one that each service publishes on a topic of its own. */
    public String topic() {
        return topic;
    }

    /** The topic {@code service} publishes this type on. */
    public String topicFor(String service) {
        return topic != null ? topic : Topics.access(service);
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    /** The CloudEvents {@code dataschema} URI: names the schema and its version. */
    public String dataschema() {
        return "urn:orderwatch:schema:" + type + ":" + version;
    }

    public String schemaResource() {
        return "/schemas/" + type + ".v" + version + ".schema.json";
    }

    public String exampleResource() {
        return "/examples/" + type + ".v" + version + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
