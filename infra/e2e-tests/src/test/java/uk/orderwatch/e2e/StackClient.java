package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.localstack.DemoData;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.LocalStackMain;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackConfig;
import uk.orderwatch.localstack.StackTokens;
import uk.orderwatch.testsupport.ApiContract;
import uk.orderwatch.testsupport.ContractWatch;

/** What the end-to-end tests do over HTTP against a running stack, as a user's tools would. */
final class StackClient {

    static final JsonMapper JSON = DemoData.JSON;
    static final String OIC = DemoData.OIC;
    static final String PRACTITIONER = DemoData.PRACTITIONER;
    static final String CASEWORKER = DemoData.CASEWORKER;
    static final String OTHER_FORCE = DemoData.OTHER_FORCE;
    static final String ADMIN = DemoData.ADMIN;
    static final List<String> SUPERVISORS = DemoData.SUPERVISORS;

    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.Map<ServiceName, ApiContract> contracts = new java.util.concurrent.ConcurrentHashMap<>();
    private final LocalStack stack;
    private final StackTokens tokens;

    StackClient(LocalStack stack) {
        this.stack = stack;
        this.tokens = new StackTokens(stack.config().issuer());
    }

    /** A stack on free ports with in-memory Mongo, running the jars this build packaged. */
    static StackConfig baseConfig(Path dataDir) {
        Path repoRoot = Path.of(System.getProperty("orderwatch.repo-root", "../.."));
        return StackConfig.ephemeral(dataDir, StackConfig.builtJars(repoRoot, LocalStackMain.version()));
    }

    /** Where a service of the stack answers. */
    String baseUrl(ServiceName service) {
        return stack.config().baseUrl(service);
    }

    /** The user's access token from the stack's identity server (signed in once per client). */
    String token(String user) {
        return tokens.token(user);
    }

    HttpResponse<String> post(String user, ServiceName service, String path, JsonNode body) throws Exception {
        return send(service, HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), body.toString());
    }

    HttpResponse<String> put(String user, ServiceName service, String path, JsonNode body) throws Exception {
        return send(service, HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), body.toString());
    }

    HttpResponse<String> response(String user, ServiceName service, String path) throws Exception {
        return send(service, HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Authorization", "Bearer " + token(user)).build(), null);
    }

    /** Sends a request and holds the exchange to the service's published document (issue 19). */
    private HttpResponse<String> send(ServiceName service, HttpRequest request, String body) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        ContractWatch.keep(contract(service), request.method(), request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()), body,
                response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        return response;
    }

    /** The service's published document, read once (and checked to be the committed one). */
    ApiContract contract(ServiceName service) {
        return contracts.computeIfAbsent(service, s -> {
            try {
                var document = http.send(HttpRequest.newBuilder(URI.create(stack.config().baseUrl(s)
                        + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(document.statusCode()).as("the published document of " + s).isEqualTo(200);
                return ApiContract.published(s.id(), document.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    JsonNode get(String user, ServiceName service, String path) throws Exception {
        var response = response(user, service, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    int status(String user, ServiceName service, String path) throws Exception {
        return response(user, service, path).statusCode();
    }

    /** Every alert of an order, as the three agencies' supervisors see them. */
    List<JsonNode> alerts(String orderId) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (String supervisor : SUPERVISORS) {
            get(supervisor, ServiceName.NOTIFICATION, "/alerts?size=100&orderId=" + orderId).get("items")
                    .forEach(all::add);
        }
        return all;
    }

    /** The demo SPO of the README, with a fresh case reference and the given victim address and phone. */
    static ObjectNode order(String victimAddress, String victimPhone) {
        return DemoData.order(victimAddress, victimPhone);
    }

    /**
     * Registers an order and answers its id once breach-report knows it too: it learns of the order from its event,
     * and answers 404 order-not-known until then (a client tries again, ADR 12).
     */
    String register(ObjectNode order) throws Exception {
        var registered = post(OIC, ServiceName.ORDER_REGISTRY, "/orders", order);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String orderId = JSON.readTree(registered.body()).get("orderId").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                status(OIC, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/compliance") == 200);
        return orderId;
    }

    /** The advocate reports a breach of the no-contact condition. */
    HttpResponse<String> reportBreach(String orderId) throws Exception {
        return post(CASEWORKER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/breaches",
                DemoData.breach(Instant.now().minusSeconds(600)));
    }

    /** Probation records a missed programme session. */
    HttpResponse<String> recordMissedSession(String orderId) throws Exception {
        return post(PRACTITIONER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/attendance",
                DemoData.missedSession(Instant.now().minusSeconds(7200)));
    }
}
