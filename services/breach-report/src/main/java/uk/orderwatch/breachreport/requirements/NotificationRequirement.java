package uk.orderwatch.breachreport.requirements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * The notification requirement of a served SPO or DAPO: within 3 days of service the subject must tell the police, in
 * person, every name they use and their home address, and later any change. The police record each notification.
 *
 * @param dueAt   when the first notification is due; cleared once it is made, raised or the order ends
 * @param changes changes of name or home address the police learnt of, each with its own 3-day clock (s.9(4))
 */
@Document(NotificationRequirement.COLLECTION)
public record NotificationRequirement(@Id String orderId, long version, Instant servedAt, Instant dueAt,
                                      RequirementStatus status, List<Notification> notifications,
                                      List<OutboxEvent> outbox, List<ChangeClock> changes) {

    public static final String COLLECTION = "notificationRequirements";

    /** The change clocks so far (none for a requirement stored before changes had clocks). */
    public List<ChangeClock> changesSoFar() {
        return changes == null ? List.of() : changes;
    }

    /**
     * What the subject notified, when, and who recorded it.
     *
     * @param changed         for a CHANGE: what changed
     * @param changedOn       for a CHANGE: the day of the change, from which its 3 days count
     * @param notifiedNames   the names the subject gave: read by the police only
     * @param notifiedAddress the home address the subject gave: read by the police only
     * @param late            a CHANGE notified after the end of the third day from the change (an offence, s.9)
     */
    public record Notification(NotificationKind kind, Instant notifiedAt, Actor recordedBy, Instant recordedAt,
                               Set<ChangedDetail> changed, LocalDate changedOn, String notifiedNames,
                               String notifiedAddress, boolean late) {
    }

    /** What a change notification is about (s.9(4)). */
    public enum ChangedDetail {
        NAME,
        HOME_ADDRESS
    }

    /**
     * A change of name or home address the police learnt of, to be notified within 3 days beginning with the day of
     * the change.
     */
    public record ChangeClock(String changeId, Set<ChangedDetail> changed, LocalDate changedOn, Instant dueAt,
                              RequirementStatus status, Actor openedBy, Instant openedAt) {
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
