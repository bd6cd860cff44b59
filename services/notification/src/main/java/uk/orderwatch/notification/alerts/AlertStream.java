package uk.orderwatch.notification.alerts;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.orderwatch.support.audit.AuditLog;

/**
 * Live alerts per recipient as Server-Sent Events: event id = alert id, so a portal that reconnects with
 * {@code Last-Event-ID} gets what it missed first.
 *
 * <p>Each open stream has its own queue and its alerts are written by a sender thread, never by the thread that
 * raised them: a client that stops reading holds up only its own stream. A stream more than {@link #BACKLOG} alerts
 * behind is closed; its portal reconnects with Last-Event-ID and misses nothing.
 *
 * <p>A stream is held by the instance the user is connected to; the alert may be raised by any instance. The raiser
 * offers it to its own streams at once, and every instance hears of every alert raised ({@code alert.raised}, read in
 * a consumer group of its own: ADR 21) and offers it to its streams too. A stream takes each alert once, whichever
 * way it came first.
 */
@Component
public class AlertStream {

    /** How many alerts may wait for one stream before it is closed. */
    static final int BACKLOG = 100;
    /**
     * How many of the alerts last taken a stream remembers, so the same alert arriving a second way is not sent
     * twice: both ways bring it within moments, far fewer alerts apart than this.
     */
    static final int REMEMBERED = 1000;

    /** A person id is unique within its agency only: streams are kept per agency and person. */
    private record Subscriber(String agencyId, String personId) {
    }

    private final Map<Subscriber, List<Connection>> subscribers = new ConcurrentHashMap<>();
    private final AuditLog audit;
    private final Supplier<SseEmitter> emitters;
    private final ExecutorService senders = Executors.newCachedThreadPool(senderThreads());

    @Autowired
    public AlertStream(AuditLog audit) {
        this(audit, () -> new SseEmitter(0L));
    }

    AlertStream(AuditLog audit, Supplier<SseEmitter> emitters) {
        this.audit = audit;
        this.emitters = emitters;
    }

    private static CustomizableThreadFactory senderThreads() {
        var threads = new CustomizableThreadFactory("alert-stream-");
        threads.setDaemon(true);
        return threads;
    }

    /**
     * Opens a stream: {@code missed} (what was raised after the client's Last-Event-ID) is read once the stream is
     * listening, so an alert raised meanwhile is in one or the other; it is written first on the caller's own request
     * thread, then live alerts follow in order on a sender thread.
     */
    public SseEmitter subscribe(String agencyId, String personId, Supplier<List<AlertView>> missed) {
        var key = new Subscriber(agencyId, personId);
        var connection = new Connection(key, emitters.get());
        SseEmitter emitter = connection.emitter;
        subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(connection);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        List<AlertView> sent;
        try {
            emitter.send(SseEmitter.event().comment("orderwatch alerts for " + personId));
            sent = missed.get();
            send(emitter, key, sent);
        } catch (IOException | RuntimeException e) {
            connection.close();
            emitter.completeWithError(e);
            return emitter;
        }
        connection.startLive(sent);
        return emitter;
    }

    /**
     * Ends every open stream when the service shuts down, so a graceful shutdown does not wait for them (a portal
     * reconnects with Last-Event-ID to another instance and misses nothing).
     */
    @EventListener(ContextClosedEvent.class)
    public void closeAll() {
        subscribers.values().forEach(list -> list.forEach(c -> c.emitter.complete()));
        subscribers.clear();
        senders.shutdown();
    }

    /** Queues an alert for every open stream of its recipient that has not taken it yet, and returns at once. */
    public void publish(AlertView alert) {
        var key = new Subscriber(alert.recipient().agencyId(), alert.recipient().personId());
        for (Connection connection : subscribers.getOrDefault(key, List.of())) {
            connection.offer(alert);
        }
    }

    /**
     * Whether a stream open here would take this alert of this recipient: one is open and has not taken it. Lets an
     * instance that hears of an alert raised elsewhere read it only when someone here is waiting for it.
     */
    public boolean awaits(String agencyId, String personId, String alertId) {
        return subscribers.getOrDefault(new Subscriber(agencyId, personId), List.of()).stream()
                .anyMatch(c -> c.awaits(alertId));
    }

    /**
     * Each alert sent on a stream is a disclosure to its recipient: audited first, or not sent (fail closed). The
     * alerts written together to one stream are one disclosure, to one person by one channel at one time, so one
     * audit entry names them all (issue 20).
     */
    private void send(SseEmitter emitter, Subscriber to, List<AlertView> alerts) throws IOException {
        if (alerts.isEmpty()) {
            return;
        }
        audit.disclose(null, "live-stream", AlertDocument.AUDIT_RESOURCE,
                alerts.stream().map(AlertView::alertId).toList(), to.personId(), to.agencyId());
        for (AlertView alert : alerts) {
            emitter.send(SseEmitter.event().id(alert.alertId()).name("alert").data(alert,
                    MediaType.APPLICATION_JSON));
        }
    }

    /** One open stream and the alerts waiting for it, written in order by at most one sender at a time. */
    private final class Connection {

        final Subscriber key;
        final SseEmitter emitter;
        private final Deque<AlertView> waiting = new ArrayDeque<>();
        /** The ids of the alerts this stream took last (queued, or written as missed ones): each is taken once. */
        private final Set<String> taken = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        });
        /** True while someone writes to the emitter: the request thread (missed alerts) or a sender. */
        private boolean writing = true;
        private boolean closed;
        /** Alerts a sender took and is writing now. */
        private int inFlight;

        Connection(Subscriber key, SseEmitter emitter) {
            this.key = key;
            this.emitter = emitter;
        }

        void offer(AlertView alert) {
            boolean tooFarBehind;
            synchronized (this) {
                if (closed || !taken.add(alert.alertId())) {
                    return;
                }
                tooFarBehind = waiting.size() + inFlight >= BACKLOG;
                if (!tooFarBehind) {
                    waiting.add(alert);
                    if (writing) {
                        return;
                    }
                    writing = true;
                }
            }
            if (tooFarBehind) {
                close();
                emitter.complete(); // too far behind: the client resumes with Last-Event-ID
                return;
            }
            senders.execute(this::drain);
        }

        synchronized boolean awaits(String alertId) {
            return !closed && !taken.contains(alertId);
        }

        /** The missed alerts are written: live ones, queued meanwhile or to come, go through a sender. */
        void startLive(List<AlertView> sentAsMissed) {
            boolean start;
            synchronized (this) {
                Set<String> missed = new HashSet<>();
                sentAsMissed.forEach(a -> missed.add(a.alertId()));
                taken.addAll(missed);
                waiting.removeIf(a -> missed.contains(a.alertId()));
                start = !waiting.isEmpty() && !closed;
                writing = start;
            }
            if (start) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                List<AlertView> next = new ArrayList<>();
                synchronized (this) {
                    while (!closed && !waiting.isEmpty()) {
                        next.add(waiting.poll());
                    }
                    inFlight = next.size();
                    if (next.isEmpty()) {
                        writing = false;
                        return;
                    }
                }
                try {
                    send(emitter, key, next);
                } catch (IOException | RuntimeException e) {
                    close();
                    emitter.completeWithError(e);
                    return;
                }
            }
        }

        void close() {
            synchronized (this) {
                closed = true;
                waiting.clear();
            }
            var list = subscribers.get(key);
            if (list != null) {
                list.remove(this);
            }
        }
    }
}
