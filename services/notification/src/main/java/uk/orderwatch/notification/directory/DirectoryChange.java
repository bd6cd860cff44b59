package uk.orderwatch.notification.directory;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.followup.FollowUp;

/**
 * A change of where an agency's alerts go (people's email or mobile, people added or removed, the webhook, the
 * escalation chain), proposed by one ADMIN and stored here until a second person approves it: another ADMIN or a
 * supervisor of the agency. Only then does the directory change, and the old and the new contacts are told.
 *
 * @param baseVersion the agency's version the change was proposed against; it applies only to that version
 * @param proposed    what the agency is to become, checked when proposed
 * @param differences each difference, before and after (a webhook's secret only as "replaced")
 * @param notices     who is told once it is approved, and whether they have been
 */
@Document(DirectoryChange.COLLECTION)
public record DirectoryChange(@Id String changeId, String agencyId, long baseVersion,
                              DirectoryService.Content proposed, List<String> differences, Actor proposedBy,
                              Instant proposedAt, Status status, Actor decidedBy, Instant decidedAt,
                              List<Notice> notices, List<FollowUp> followUps) {

    public static final String COLLECTION = "directory_changes";
    /** What the audit log calls a change awaiting approval. */
    public static final String AUDIT_RESOURCE = "agency-change";

    public enum Status { PENDING, APPROVED, REJECTED }

    /** How a notice goes: by email or by SMS. */
    public enum Channel { EMAIL, SMS }

    /**
     * A message to one old or new contact that where alerts go has changed: {@code sentAt} once it went, or
     * {@code failure} when it cannot go (an address the provider refuses for good).
     */
    public record Notice(String noticeId, Channel channel, String personId, String address, String subject,
                         String text, Instant sentAt, String failure) {

        public boolean done() {
            return sentAt != null || failure != null;
        }
    }

    boolean proposedBy(uk.orderwatch.support.security.Caller caller) {
        return proposedBy.agencyId().equals(caller.agencyId()) && proposedBy.personId().equals(caller.personId());
    }
}
