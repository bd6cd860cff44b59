package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.schemas.events.Actor;

/** A completed import as its caller sees it: which orders it brought in, for which force, by whom and when. */
public record ImportView(String importId, String force, List<String> orderIds, Actor importedBy, Instant importedAt) {

    static ImportView of(ImportDocument done) {
        return new ImportView(done.importId(), done.force(), done.orderIds(), done.importedBy(), done.importedAt());
    }
}
