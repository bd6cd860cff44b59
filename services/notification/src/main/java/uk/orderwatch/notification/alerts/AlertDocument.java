package uk.orderwatch.notification.alerts;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * One alert for one recipient. Its id is derived from the source event and the recipient, so a redelivered event
 * finds the alert it already raised instead of raising a second one.
 */
@Document(AlertDocument.COLLECTION)
public record AlertDocument(
        @Id String alertId,
        String sourceEventId,
        String sourceEventType,
        String orderId,
        Recipient recipient,
        Severity priority,
        String title,
        Instant raisedAt,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "alerts";
}
