package uk.orderwatch.breachreport.requirements;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * The notification requirement of a served SPO or DAPO: within 3 days of service the subject must tell the police, in
 * person, every name they use and their home address, and later any change. The police record each notification.
 *
 * @param dueAt when the first notification is due; cleared once it is made, raised or the order ends
 */
@Document(NotificationRequirement.COLLECTION)
public record NotificationRequirement(@Id String orderId, long version, Instant servedAt, Instant dueAt,
                                      RequirementStatus status, List<Notification> notifications,
                                      List<OutboxEvent> outbox) {

    public static final String COLLECTION = "notificationRequirements";

    /** What the subject notified, when, and who recorded it. The names and address stay with the police. */
    public record Notification(NotificationKind kind, Instant notifiedAt, Actor recordedBy, Instant recordedAt) {
    }

    public enum NotificationKind {
        /** Names and home address, due within 3 days of service. */
        INITIAL,
        /** A change of name or address. */
        CHANGE
    }

    public enum RequirementStatus {
        /** Waiting for the first notification. */
        OPEN,
        /** Notified in time. */
        MET,
        /** The 3 days ran out first (a notification may still come later: it is recorded, the lateness stays). */
        OVERDUE,
        /** The order ended before anything was due. */
        STOPPED
    }
}
