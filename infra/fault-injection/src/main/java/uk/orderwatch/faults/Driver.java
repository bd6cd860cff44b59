package uk.orderwatch.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.DemoDirectory;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackTokens;

/**
 * The users' side, over HTTP, as a careful client behaves: every write carries an Idempotency-Key, and a request that
 * got no answer, a 5xx, a 429, a 409 "still being handled" or a 404 for an order not yet known is sent again with the
 * same key until it is answered or the client gives up. Only a 2xx counts as accepted; any other answer is a refusal.
 */
final class Driver {

    enum Result { ACCEPTED, REFUSED, GAVE_UP }

    /** How a request ended: accepted (and when), refused (4xx) or given up on; after how many attempts. */
    record Outcome(Result result, Instant startedAt, Instant acceptedAt, int attempts, String detail) {
        boolean accepted() {
            return result == Result.ACCEPTED;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalStack stack;
    private final StackTokens tokens;
    private final Duration giveUpAfter;

    Driver(LocalStack stack, Duration giveUpAfter) {
        this.stack = stack;
        this.tokens = new StackTokens(stack.config().issuer());
        this.giveUpAfter = giveUpAfter;
    }

    /** The officer in charge registers the demo order; answers its id, or null if it was never accepted. */
    String register() {
        var outcome = post(DemoData.OIC, ServiceName.ORDER_REGISTRY, "/orders",
                DemoData.order("1 Any Street, Oxford", "07700900000"));
        return outcome.accepted() ? outcome.detail() : null;
    }

    /** The caseworker reports a breach. */
    Outcome reportBreach(String orderId, Instant occurredAt) {
        return post(DemoData.CASEWORKER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/breaches",
                DemoData.breach(occurredAt));
    }

    /** The practitioner records a missed session. */
    Outcome recordMiss(String orderId, Instant sessionStart) {
        return post(DemoData.PRACTITIONER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/attendance",
                DemoData.missedSession(sessionStart));
    }

    /** A read as the officer in charge; throws when the service does not answer. */
    HttpResponse<String> get(ServiceName service, String path) throws IOException, InterruptedException {
        return get(DemoData.OIC, service, path);
    }

    /** A read as {@code user}; throws when the service does not answer. */
    HttpResponse<String> get(String user, ServiceName service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + tokens.token(user))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records an agency as the demo administrators (a change of where its alerts go approved by the second). */
    void recordAgency(String agencyId, ObjectNode body) {
        new DemoDirectory(stack.config().baseUrl(ServiceName.NOTIFICATION), tokens::token).recordAgency(agencyId,
                body);
    }

    /** Sends a write until it is answered, every attempt with the same Idempotency-Key. */
    private Outcome post(String user, ServiceName service, String path, ObjectNode body) {
        String idempotencyKey = UUID.randomUUID().toString();
        Instant started = Instant.now();
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long pauseMs = 250;
        int attempts = 0;
        String last = "";
        while (true) {
            attempts++;
            try {
                var request = HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.token(user))
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                last = "HTTP " + status;
                if (status / 100 == 2) {
                    String id = path.equals("/orders")
                            ? DemoData.JSON.readTree(response.body()).get("orderId").asString() : null;
                    return new Outcome(Result.ACCEPTED, started, Instant.now(), attempts, id);
                }
                boolean stillBeingHandled = status == 409 && response.body().contains("idempotency-key-in-use");
                if (status == 401) {
                    tokens.forget(user);
                } else if (status != 404 && status != 429 && status / 100 != 5 && !stillBeingHandled) {
                    return new Outcome(Result.REFUSED, started, null, attempts, last + " " + response.body());
                }
            } catch (IOException e) {
                // no answer: the request may or may not have been taken; the retry's key tells the service
                last = e.toString();
            } catch (RuntimeException e) {
                // the identity server did not answer a sign-in
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Result.GAVE_UP, started, null, attempts, "interrupted");
            }
            if (System.nanoTime() + pauseMs * 1_000_000 > deadline) {
                return new Outcome(Result.GAVE_UP, started, null, attempts, last);
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Result.GAVE_UP, started, null, attempts, "interrupted");
            }
            pauseMs = Math.min(pauseMs * 2, 2000);
        }
    }
}
