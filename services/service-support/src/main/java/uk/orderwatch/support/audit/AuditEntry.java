package uk.orderwatch.support.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.support.security.Role;

/**
 * One consultation, change or disclosure of personal data (Data Protection Act 2018 s.62): who, in which role and
 * agency, when, what, and for a disclosure to whom. It holds ids, never the personal data itself, except where a
 * change redirects alerts: then {@code changes} says what was and what is (an agency's contacts, webhook, chain).
 *
 * @param request  the endpoint, e.g. {@code GET /orders/{orderId}}; for a disclosure, the channel it went by
 * @param resource what kind of record: order, breach, session, alert, agency...
 * @param recordIds the records read, changed or disclosed (for a search: every record it returned)
 * @param recipientPersonId for a disclosure: who received it
 * @param changes  for a change of where alerts go: each difference, before and after; otherwise empty
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String personId, Role role, String agencyId, Action action,
                         String request, String resource, List<String> recordIds, String recipientPersonId,
                         String recipientAgencyId, List<String> changes) {

    public static final String COLLECTION = "audit";

    public enum Action {
        /** personal data was shown to the user */
        READ,
        /** the user asked to change a record; written before the change, so no change happens unaudited */
        CHANGE,
        /** personal data was sent to a recipient (an alert by email, SMS, webhook or live stream) */
        DISCLOSE,
        /**
         * the user was refused: 403 (their role may not) or 404 (no such record, or not theirs: the user cannot tell
         * which, the log can); {@code request} is the method, the path as sent and the status
         */
        REFUSE
    }
}
