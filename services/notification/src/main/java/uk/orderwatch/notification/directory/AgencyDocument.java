package uk.orderwatch.notification.directory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * An agency in the directory: its people and how to reach them, its optional webhook into the agency's own case
 * system, and its escalation chain. Stored with its {@code agency.recorded} event until that is published;
 * {@code version} grows with every change.
 *
 * @param escalationChain the people (of this agency) an unacknowledged alert goes to next, in order
 * @param pendingChangeId a change of where its alerts go that awaits a second person's approval
 *                        ({@link DirectoryChange}); while there is one, the agency is not changed otherwise
 */
@Document(AgencyDocument.COLLECTION)
public record AgencyDocument(@Id String agencyId, long version, AgencyKind kind, String name, List<Person> people,
                             Webhook webhook, List<String> escalationChain, List<OutboxEvent> outbox,
                             String pendingChangeId) {

    public static final String COLLECTION = "agencies";

    /** Someone who receives alerts: the in-app inbox always; email and SMS when given. */
    public record Person(String personId, String name, String jobTitle, String email, String mobile) {
    }

    /** The agency's case-system endpoint and the secret shared with it for signatures (never shown back). */
    public record Webhook(String url, String secret) {
    }

    public java.util.Optional<Person> person(String personId) {
        return people.stream().filter(p -> p.personId().equals(personId)).findFirst();
    }
}
