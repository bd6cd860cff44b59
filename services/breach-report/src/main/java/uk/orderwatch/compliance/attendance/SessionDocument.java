package uk.orderwatch.compliance.attendance;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * One programme session of an order and the outcomes recorded for it, each with who recorded it and when (entries
 * are appended, never overwritten).
 */
@Document(SessionDocument.COLLECTION)
public record SessionDocument(
        @Id String sessionId,
        String orderId,
        String conditionId,
        Instant sessionStart,
        List<OutcomeEntry> outcomes,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "sessions";

    public record OutcomeEntry(boolean sessionHappened, Attendance attended, String lateReason,
                               NoSessionReason noSessionReason, Outcome outcome, Instant recordedAt,
                               Actor recordedBy) {
    }
}
