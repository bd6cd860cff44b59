package uk.orderwatch.notification.access;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.AccessRefusedRepeatedly;
import uk.orderwatch.support.followup.FollowUp;

/**
 * A signal that one user was refused access repeatedly, as notification took it in (by the event's id, so a
 * redelivery is recognised), and whom of the user's agency it tells: the people of its escalation chain with an
 * email, each marked once told.
 */
@Document(AccessSignal.COLLECTION)
public record AccessSignal(@Id String eventId, AccessRefusedRepeatedly signal, String agencyName, List<Told> told,
                           List<FollowUp> followUps) {

    public static final String COLLECTION = "access_signals";
    /** What the audit log calls it when the signal is sent to someone. */
    public static final String AUDIT_RESOURCE = "access-signal";

    /** One person told: their email, and when it went (null until then). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AccessSignalTold")
    public record Told(String personId, String email, Instant sentAt) {
    }
}
