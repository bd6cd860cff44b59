package uk.orderwatch.notification.directory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * An agency in the directory and the people there who receive alerts, with its {@code agency.recorded} event until
 * that is published. {@code version} grows with every change.
 */
@Document(AgencyDocument.COLLECTION)
public record AgencyDocument(@Id String agencyId, long version, AgencyKind kind, String name, List<Person> people,
                             List<OutboxEvent> outbox) {

    public static final String COLLECTION = "agencies";

    /** Someone who receives alerts: the in-app inbox always, email when given. */
    public record Person(String personId, String name, String jobTitle, String email) {
    }
}
