package uk.orderwatch.notification.directory;

import java.util.List;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

/**
 * An agency as the directory API shows it: the webhook secret is never shown back. ADMIN and the agency's own staff
 * see it whole; anyone else sees its people's names and job titles only (what {@code agency.recorded} shares with every
 * service, so that a case can be assigned to them), without contacts, webhook or fallback.
 */
public record AgencyView(String agencyId, long version, AgencyKind kind, String name,
                         List<AgencyDocument.Person> people, String webhookUrl, String fallbackPersonId) {

    static AgencyView of(AgencyDocument a) {
        return new AgencyView(a.agencyId(), a.version(), a.kind(), a.name(), a.people(),
                a.webhook() == null ? null : a.webhook().url(), a.fallbackPersonId());
    }

    /** The agency as {@code caller} may see it. */
    static AgencyView of(AgencyDocument a, Caller caller) {
        if (caller.is(Role.ADMIN) || caller.agencyId().equals(a.agencyId())) {
            return of(a);
        }
        return new AgencyView(a.agencyId(), a.version(), a.kind(), a.name(), a.people().stream()
                .map(p -> new AgencyDocument.Person(p.personId(), p.name(), p.jobTitle(), null, null, false))
                .toList(),
                null, null);
    }
}
