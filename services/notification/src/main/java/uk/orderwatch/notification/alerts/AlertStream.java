package uk.orderwatch.notification.alerts;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.orderwatch.support.audit.AuditLog;

/**
 * Live alerts per recipient as Server-Sent Events: event id = alert id, so a portal that reconnects with
 * {@code Last-Event-ID} gets what it missed first.
 */
@Component
public class AlertStream {

    /** A person id is unique within its agency only: streams are kept per agency and person. */
    private record Subscriber(String agencyId, String personId) {
    }

    private final Map<Subscriber, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final AuditLog audit;

    public AlertStream(AuditLog audit) {
        this.audit = audit;
    }

    public SseEmitter subscribe(String agencyId, String personId, List<AlertView> missed) {
        SseEmitter emitter = new SseEmitter(0L);
        var list = subscribers.computeIfAbsent(new Subscriber(agencyId, personId), k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("orderwatch alerts for " + personId));
            for (AlertView alert : missed) {
                send(emitter, alert);
            }
        } catch (IOException | RuntimeException e) {
            remove.run();
            emitter.completeWithError(e);
        }
        return emitter;
    }

    /**
     * Ends every open stream when the service shuts down, so a graceful shutdown does not wait for them (a portal
     * reconnects with Last-Event-ID to another instance and misses nothing).
     */
    @EventListener(ContextClosedEvent.class)
    public void closeAll() {
        subscribers.values().forEach(list -> list.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    /** Pushes an alert to every open stream of its recipient. */
    public void publish(AlertView alert) {
        var key = new Subscriber(alert.recipient().agencyId(), alert.recipient().personId());
        for (SseEmitter emitter : subscribers.getOrDefault(key, List.of())) {
            try {
                send(emitter, alert);
            } catch (IOException | RuntimeException e) {
                subscribers.getOrDefault(key, new CopyOnWriteArrayList<>()).remove(emitter);
            }
        }
    }

    /** Each alert sent on a stream is a disclosure to its recipient: audited first, or not sent (fail closed). */
    private void send(SseEmitter emitter, AlertView alert) throws IOException {
        audit.disclose(null, "live-stream", AlertDocument.AUDIT_RESOURCE, alert.alertId(), alert.recipient().personId(),
                alert.recipient().agencyId());
        emitter.send(SseEmitter.event().id(alert.alertId()).name("alert").data(alert, MediaType.APPLICATION_JSON));
    }
}
