package uk.orderwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.StackTokens;

/**
 * One rate, open loop: report i is due at start + i / rate whatever happened to the ones before, and every time is
 * measured from when it was due, not from when it could be sent (so a stall shows in full instead of delaying the
 * requests that would have measured it: no coordinated omission). Reports alternate between a breach (by the
 * caseworker) and a missed session (by the practitioner), spread over the orders.
 */
final class LoadRun implements AlertWatcher.Arrivals {

    /** Who must have the alert of a breach report or a missed session in their inbox. */
    static final List<String> RECIPIENTS = List.of("demo-oic", "demo-practitioner", "demo-caseworker");

    /** What one rate gave. Times in nanoseconds. */
    record Outcome(double offered, double achieved, Histogram toAlerts, Histogram http, long httpErrors,
                   long missingAlerts, long sent, List<String> errorSamples) {
    }

    /** A report on its way: when it was due, which recipients have its alert. */
    private static final class Tracker {
        long due = -1;
        int arrived;
        long lastArrival;
        final java.util.Set<String> who = new java.util.HashSet<>(4);
    }

    private final HttpClient http;
    private final String breachReportUrl;
    private final StackTokens tokens;
    private final List<String> orderIds;
    private final Map<String, Tracker> inFlight = new ConcurrentHashMap<>();
    private final Recorder toAlerts = new Recorder(3);
    private final Recorder httpTimes = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong sessionSequence;
    private final Instant sessionBase = Instant.now().minus(Duration.ofDays(1));

    LoadRun(HttpClient http, String breachReportUrl, StackTokens tokens, List<String> orderIds,
            AtomicLong sessionSequence) {
        this.http = http;
        this.breachReportUrl = breachReportUrl;
        this.tokens = tokens;
        this.orderIds = orderIds;
        this.sessionSequence = sessionSequence;
    }

    @Override
    public void arrived(String reportId, String personId, long nanos) {
        Tracker t = inFlight.computeIfAbsent(reportId, k -> new Tracker());
        synchronized (t) {
            if (RECIPIENTS.contains(personId) && t.who.add(personId)) {
                t.arrived++;
                t.lastArrival = Math.max(t.lastArrival, nanos);
            }
            complete(reportId, t);
        }
    }

    private void accepted(String reportId, long due) {
        Tracker t = inFlight.computeIfAbsent(reportId, k -> new Tracker());
        synchronized (t) {
            t.due = due;
            complete(reportId, t);
        }
    }

    private void complete(String reportId, Tracker t) {
        if (t.due >= 0 && t.arrived == RECIPIENTS.size()) {
            toAlerts.recordValue(Math.max(0, t.lastArrival - t.due));
            completed.incrementAndGet();
            inFlight.remove(reportId);
        }
    }

    /** Offers {@code perSecond} reports for {@code duration}, then waits up to {@code drain} for their alerts. */
    Outcome run(double perSecond, Duration duration, Duration drain) throws InterruptedException {
        inFlight.clear();
        toAlerts.reset();
        httpTimes.reset();
        errors.set(0);
        completed.set(0);
        errorSamples.clear();
        long count = (long) (perSecond * duration.toSeconds());
        long period = (long) (1e9 / perSecond);
        AtomicLong accepted = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = request(i);
            boolean breach = i % 2 == 0;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                answered.incrementAndGet();
                httpTimes.recordValue(Math.max(0, now - due));
                if (failure != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(failure != null ? failure.toString()
                                : "HTTP " + response.statusCode() + " " + response.body());
                    }
                    return;
                }
                accepted.incrementAndGet();
                var body = DemoData.JSON.readTree(response.body());
                accepted(body.get(breach ? "breachId" : "sessionId").asString(), due);
            });
        }
        long sendingEnded = System.nanoTime();
        long deadline = sendingEnded + drain.toNanos();
        while ((answered.get() < count || completed.get() < accepted.get()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (sendingEnded - start) / 1e9;
        return new Outcome(perSecond, accepted.get() / seconds, toAlerts.getIntervalHistogram(),
                httpTimes.getIntervalHistogram(), errors.get(), accepted.get() - completed.get(), count,
                List.copyOf(errorSamples));
    }

    private HttpRequest request(long i) {
        String orderId = orderIds.get((int) (i / 2 % orderIds.size()));
        boolean breach = i % 2 == 0;
        ObjectNode body = breach ? DemoData.breach(Instant.now().minusSeconds(300))
                : DemoData.missedSession(sessionBase.minusSeconds(sessionSequence.incrementAndGet()));
        String user = breach ? DemoData.CASEWORKER : DemoData.PRACTITIONER;
        return HttpRequest.newBuilder(URI.create(breachReportUrl + "/orders/" + orderId
                        + (breach ? "/breaches" : "/attendance")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.token(user))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
