package uk.orderwatch.notification.directory;

import java.util.List;
import uk.orderwatch.schemas.events.AgencyKind;

/** An agency as the directory API shows it. */
public record AgencyView(String agencyId, long version, AgencyKind kind, String name,
                         List<AgencyDocument.Person> people) {

    static AgencyView of(AgencyDocument a) {
        return new AgencyView(a.agencyId(), a.version(), a.kind(), a.name(), a.people());
    }
}
