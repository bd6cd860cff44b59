package uk.orderwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.localstack.DemoData;

/**
 * One recipient's live alert stream (Server-Sent Events from notification), as their portal holds it open. Each alert
 * about a breach or a session is handed on with the moment it arrived, on this JVM's clock.
 */
final class AlertWatcher implements AutoCloseable {

    interface Arrivals {
        void arrived(String reportId, String personId, long nanos);
    }

    private final Thread reader;
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile Stream<String> lines;

    AlertWatcher(HttpClient http, String notificationUrl, String token, Arrivals arrivals) {
        var request = HttpRequest.newBuilder(URI.create(notificationUrl + "/alerts/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        reader = new Thread(() -> {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("live stream: HTTP " + response.statusCode());
                }
                lines = response.body();
                open.countDown();
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        JsonNode alert = DemoData.JSON.readTree(line.substring(5));
                        JsonNode fields = alert.path("fields");
                        String id = fields.has("breachId") ? fields.get("breachId").asString()
                                : fields.has("sessionId") ? fields.get("sessionId").asString() : null;
                        if (id != null && alert.path("escalationLevel").asInt() == 0) {
                            arrivals.arrived(id, alert.path("recipient").path("personId").asString(), now);
                        }
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (open.getCount() > 0) {
                    System.err.println("live stream failed: " + e);
                }
            }
        }, "alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    void awaitOpen(Duration timeout) throws InterruptedException {
        if (!open.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the live alert stream did not open");
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
