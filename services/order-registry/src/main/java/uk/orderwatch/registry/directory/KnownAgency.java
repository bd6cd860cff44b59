package uk.orderwatch.registry.directory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.AgencyRecorded;

/** An agency as order-registry knows it from the directory's {@code agency.recorded} events. */
@Document(KnownAgency.COLLECTION)
public record KnownAgency(@Id String agencyId, long version, AgencyKind kind, String name,
                          List<AgencyRecorded.Member> people) {

    public static final String COLLECTION = "agencies";

    public boolean hasPerson(String personId) {
        return people.stream().anyMatch(p -> p.personId().equals(personId));
    }
}
