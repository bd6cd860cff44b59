package uk.orderwatch.notification.directory;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.schemas.events.Actor;

/**
 * A change of where an agency's alerts go, as ADMIN and the agency's supervisors see it: what changes (before and
 * after), who proposed and who decided, and who has been told. The webhook's secret is never shown.
 */
public record DirectoryChangeView(String changeId, String agencyId, DirectoryChange.Status status,
                                  List<String> differences, Actor proposedBy, Instant proposedAt, Actor decidedBy,
                                  Instant decidedAt, List<Told> told) {

    /** One old or new contact told of the change once approved: {@code sentAt}, or why it could not go. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DirectoryChangeTold")
    public record Told(DirectoryChange.Channel channel, String personId, String address, Instant sentAt, String failure) {
    }

    static DirectoryChangeView of(DirectoryChange c) {
        return new DirectoryChangeView(c.changeId(), c.agencyId(), c.status(), c.differences(), c.proposedBy(),
                c.proposedAt(), c.decidedBy(), c.decidedAt(), c.notices().stream()
                .map(n -> new Told(n.channel(), n.personId(), n.address(), n.sentAt(), n.failure())).toList());
    }
}
