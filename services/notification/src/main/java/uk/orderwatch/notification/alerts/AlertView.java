package uk.orderwatch.notification.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.tracing.Traces;

/**
 * An alert as its recipient sees it in the inbox.
 *
 * @param traceId the trace of the report that raised it (ADR 23): the id to look up in the logs or the trace
 *                collector, the same as in the {@code traceparent} the report's answer carried
 */
public record AlertView(String alertId, String orderId, String sourceEventType, String sourceEventId,
                        Recipient recipient, Severity priority, String title, Map<String, String> fields,
                        Instant raisedAt, int escalationLevel, String rootAlertId, Instant acknowledgeBy,
                        AlertDocument.Acknowledgement acknowledgement, Instant readAt, String escalatedToAlertId,
                        List<AlertDocument.Delivery> deliveries, String traceId) {

    public static AlertView of(AlertDocument a) {
        return new AlertView(a.alertId(), a.orderId(), a.sourceEventType(), a.sourceEventId(), a.recipient(),
                a.priority(), a.title(), a.fields(), a.raisedAt(), a.escalationLevel(), a.rootAlertId(),
                a.acknowledgeBy(), a.acknowledgement(), a.readAt(), a.escalatedToAlertId(), a.deliveries(),
                Traces.traceId(a.traceparent()));
    }
}
