package uk.orderwatch.notification.directory;

import java.util.List;
import uk.orderwatch.schemas.events.AgencyKind;

/** An agency as the directory API shows it: the webhook secret is never shown back. */
public record AgencyView(String agencyId, long version, AgencyKind kind, String name,
                         List<AgencyDocument.Person> people, String webhookUrl, List<String> escalationChain) {

    static AgencyView of(AgencyDocument a) {
        return new AgencyView(a.agencyId(), a.version(), a.kind(), a.name(), a.people(),
                a.webhook() == null ? null : a.webhook().url(), a.escalationChain());
    }
}
