package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.LocalStackMain;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.OidcLogin;
import uk.orderwatch.localstack.StackConfig;

/** What the end-to-end tests do over HTTP against a running stack, as a user's tools would. */
final class StackClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo users of the scenario (infra/identity-server's application.yml). */
    static final String OIC = "alex.morgan";
    static final String PRACTITIONER = "priya.shah";
    static final String CASEWORKER = "jo.evans";
    static final String OTHER_FORCE = "kim.reed";
    static final String ADMIN = "admin";
    /** The supervisors of the three demo agencies: together they see every alert of the demo people. */
    static final List<String> SUPERVISORS = List.of("sam.okafor", "chris.doyle", "rene.adeyemi");

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    StackClient(LocalStack stack) {
        this.stack = stack;
    }

    /** A stack on free ports with in-memory Mongo, running the jars this build packaged. */
    static StackConfig baseConfig(Path dataDir) {
        Path repoRoot = Path.of(System.getProperty("orderwatch.repo-root", "../.."));
        return StackConfig.ephemeral(dataDir, StackConfig.builtJars(repoRoot, LocalStackMain.version()));
    }

    /** The user's access token from the stack's identity server (signed in once per client). */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> OidcLogin.accessToken(stack.config().issuer(), u));
    }

    HttpResponse<String> post(String user, ServiceName service, String path, JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> response(String user, ServiceName service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Authorization", "Bearer " + token(user)).build(), HttpResponse.BodyHandlers.ofString());
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
    static ObjectNode order(String victimAddress, String victimPhone) throws IOException {
        try (InputStream in = StackClient.class.getResourceAsStream("/spo-order.json")) {
            ObjectNode order = (ObjectNode) JSON.readTree(in);
            order.put("courtCaseReference", "E2E-" + UUID.randomUUID());
            ObjectNode victim = (ObjectNode) order.get("protectedPersons").get(0);
            victim.put("address", victimAddress).put("phone", victimPhone);
            return order;
        }
    }

    /** Registers an order and answers its id. */
    String register(ObjectNode order) throws Exception {
        var registered = post(OIC, ServiceName.ORDER_REGISTRY, "/orders", order);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("orderId").asString();
    }

    /** The advocate reports a breach of the no-contact condition. */
    HttpResponse<String> reportBreach(String orderId) throws Exception {
        ObjectNode breach = JSON.createObjectNode();
        breach.put("conditionId", "c1").put("occurredAt", Instant.now().minusSeconds(600).toString())
                .put("description", "Waited outside her workplace").put("location", "Her workplace");
        return post(CASEWORKER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/breaches", breach);
    }

    /** Probation records a missed programme session. */
    HttpResponse<String> recordMissedSession(String orderId) throws Exception {
        ObjectNode missed = JSON.createObjectNode();
        missed.put("conditionId", "c2").put("sessionStart", Instant.now().minusSeconds(7200).toString())
                .put("attended", "NO");
        return post(PRACTITIONER, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/attendance", missed);
    }
}
