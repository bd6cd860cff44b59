package uk.orderwatch.notification.directory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * An agency in the directory: its people and how to reach them, its optional webhook into the agency's own case
 * system, and its 24/7 fallback. Stored with its {@code agency.recorded} event until that is published;
 * {@code version} grows with every change. Its rotas and escalation policies are kept beside it ({@code AgencyDuty}).
 *
 * @param fallbackPersonId the person (of this agency) reached at every hour when the escalation policy ends: a
 *                         control room or duty post, staffed round the clock, with an email, a mobile or the webhook
 * @param pendingChangeId a change of where its alerts go that awaits a second person's approval
 *                        ({@link DirectoryChange}); while there is one, the agency is not changed otherwise
 */
@Document(AgencyDocument.COLLECTION)
public record AgencyDocument(@Id String agencyId, long version, AgencyKind kind, String name, List<Person> people,
                             Webhook webhook, String fallbackPersonId, List<OutboxEvent> outbox,
                             String pendingChangeId) {

    public static final String COLLECTION = "agencies";

    /**
     * Someone who receives alerts: the in-app inbox always; email and SMS when given.
     *
     * @param supervisor told loudly when an alert of the agency reached nobody who took it on
     */
    public record Person(String personId, String name, String jobTitle, String email, String mobile,
                         boolean supervisor) {
    }

    /** The agency's case-system endpoint and the secret shared with it for signatures (never shown back). */
    public record Webhook(String url, String secret) {
    }

    /** The agency's supervisors. */
    public List<Person> supervisors() {
        return people.stream().filter(Person::supervisor).toList();
    }

    public java.util.Optional<Person> person(String personId) {
        return people.stream().filter(p -> p.personId().equals(personId)).findFirst();
    }
}
