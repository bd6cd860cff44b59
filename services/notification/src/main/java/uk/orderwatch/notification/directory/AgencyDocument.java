package uk.orderwatch.notification.directory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An agency in the directory and the people there who receive alerts. */
@Document(AgencyDocument.COLLECTION)
public record AgencyDocument(@Id String agencyId, AgencyKind kind, String name, List<Person> people) {

    public static final String COLLECTION = "agencies";

    /** Someone who receives alerts: the in-app inbox always, email when given. */
    public record Person(String personId, String name, String jobTitle, String email) {
    }
}
