package uk.orderwatch.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live alert streams of the people every report alerts, held open as their portal holds them: through the
 * notification service's usual address (with several instances, the entry point hands each connection to one of
 * them), reconnecting with Last-Event-ID whenever a stream ends or fails, as a browser's EventSource does. Records
 * the id of every alert each person's stream showed, so the suite can check that none was missed whichever instance
 * raised it and whichever was killed meanwhile.
 */
final class LiveStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    /** How long a stream waits before it reconnects, as EventSource's default retry. */
    private static final Duration RETRY = Duration.ofMillis(500);

    /** Person id (as alerts name their recipient) to the ids of the alerts their stream showed. */
    private final Map<String, Set<String>> shown = new ConcurrentHashMap<>();
    private final AtomicLong reconnects = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Thread> readers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Opens a stream for each of {@code users} (demo user name to the person id alerts name), signed in with
     * {@code token}, which is asked again at each reconnection (a token lasts 15 minutes).
     */
    LiveStreams(String notificationUrl, Map<String, String> users, Function<String, String> token) {
        users.forEach((user, personId) -> {
            shown.put(personId, ConcurrentHashMap.newKeySet());
            Thread reader = new Thread(() -> read(notificationUrl, user, personId, token), "live-stream-" + user);
            reader.setDaemon(true);
            readers.put(user, reader);
            reader.start();
        });
    }

    private void read(String notificationUrl, String user, String personId, Function<String, String> token) {
        String lastEventId = null;
        while (!closed) {
            try {
                var request = HttpRequest.newBuilder(URI.create(notificationUrl + "/alerts/stream"))
                        .header("Authorization", "Bearer " + token.apply(user))
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    var lines = response.body().iterator();
                    while (!closed && lines.hasNext()) {
                        String line = lines.next();
                        if (line.startsWith("id:")) {
                            lastEventId = line.substring(3).trim();
                            shown.get(personId).add(lastEventId);
                        }
                    }
                } else {
                    response.body().close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // the instance went away or is not up yet: reconnect, as a browser would
            }
            if (!closed) {
                reconnects.incrementAndGet();
                FaultSuite.sleep(RETRY.toMillis());
            }
        }
    }

    /** Whether {@code personId}'s stream has shown the alert. */
    boolean shown(String personId, String alertId) {
        return shown.getOrDefault(personId, Set.of()).contains(alertId);
    }

    /** How many times a stream was opened again since the suite started. */
    long reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() {
        closed = true;
        readers.values().forEach(Thread::interrupt);
        log.info("live streams closed after {} reconnections", reconnects.get());
    }
}
