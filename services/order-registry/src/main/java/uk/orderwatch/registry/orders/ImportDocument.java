package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.outbox.OutboxEvent;

/** One bulk import: which orders it brought in, by whom, and its summary event until that is published. */
@Document(ImportDocument.COLLECTION)
public record ImportDocument(@Id String importId, String force, List<String> orderIds, Actor importedBy,
                             Instant importedAt, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "imports";
}
