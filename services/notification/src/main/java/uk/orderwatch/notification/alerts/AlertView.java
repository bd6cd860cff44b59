package uk.orderwatch.notification.alerts;

import java.time.Instant;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;

/** An alert as its recipient sees it in the inbox. */
public record AlertView(String alertId, String orderId, String sourceEventType, String sourceEventId,
                        Recipient recipient, Severity priority, String title, Instant raisedAt) {

    static AlertView of(AlertDocument a) {
        return new AlertView(a.alertId(), a.orderId(), a.sourceEventType(), a.sourceEventId(), a.recipient(),
                a.priority(), a.title(), a.raisedAt());
    }
}
