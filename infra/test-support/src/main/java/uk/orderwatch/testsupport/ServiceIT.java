package uk.orderwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.Topics;

/**
 * The one setup of a service's integration tests: the service on a random port against the JVM's shared in-process
 * broker and a fresh database of its own on the Mongo wire server, a clock the test moves, and HTTP through Spring's
 * {@link RestTestClient} with a user's bearer token. A test class extends it and adds its own settings with a
 * {@code @DynamicPropertySource} of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServiceIT.TestClock.class)
public abstract class ServiceIT {

    public static final String BOOTSTRAP = SharedTestInfra.kafka(Topics.allTopics()).bootstrapServers();
    public static final EventCodec CODEC = new EventCodec();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected MutableClock clock;
    @org.springframework.beans.factory.annotation.Value("${spring.application.name}")
    private String serviceName;

    private static final java.util.Map<Integer, ApiContract> CONTRACTS = new java.util.concurrent.ConcurrentHashMap<>();

    private RestTestClient client;

    /**
     * The clock is shared by every test class of the service's JVM: it goes back to now after each test, so a test
     * that moved it and then failed cannot leave the next ones days in the future.
     */
    @AfterEach
    void clockBackToNow() {
        clock.set(Instant.now());
    }

    @TestConfiguration
    public static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        SharedTestInfra.serviceProperties(Topics.allTopics(), "it").forEach(registry::add);
    }

    /** An answer as the client got it. */
    public record Response(int statusCode, String body, HttpHeaders headers) {

        /** The first value of a response header. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * Sends a request as the holder of {@code token} (none when null); {@code body} (a JSON tree or raw text) goes as
     * {@code application/json}; {@code headers} are further name, value pairs.
     */
    protected Response call(HttpMethod method, String path, String token, Object body, String... headers) {
        var request = client().method(method).uri(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body.toString());
        }
        var result = request.exchange().returnResult();
        byte[] content = result.getResponseBodyContent();
        var response = new Response(result.getStatus().value(),
                content == null ? "" : new String(content, StandardCharsets.UTF_8), result.getResponseHeaders());
        ContractWatch.keep(apiContract(), method.name(), path, body == null ? null : body.toString(),
                response.statusCode(), response.header(HttpHeaders.CONTENT_TYPE).orElse(null), response.body());
        return response;
    }

    private RestTestClient client() {
        if (client == null) {
            client = RestTestClient.bindToServer().build();
        }
        return client;
    }

    /**
     * The service's own document, read once per service instance, after checking it is the committed one that
     * clients are generated from ({@link PublishedDocuments}).
     */
    protected ApiContract apiContract() {
        return CONTRACTS.computeIfAbsent(port, p -> {
            var result = client().get().uri(URI.create("http://localhost:" + p + "/v3/api-docs")).exchange()
                    .returnResult();
            assertThat(result.getStatus().value()).as("the published API document").isEqualTo(200);
            return ApiContract.published(serviceName, new String(result.getResponseBodyContent(),
                    StandardCharsets.UTF_8));
        });
    }

    protected Response get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    protected Response post(String path, Object body, String token) {
        return call(HttpMethod.POST, path, token, body);
    }

    protected Response put(String path, Object body, String token) {
        return call(HttpMethod.PUT, path, token, body);
    }

    /**
     * Leaves every Idempotency-Key of the service as the store is when a request's change was made but its answer was
     * never stored (a crash, a database outage; {@code stillBeingHandled} false), or as it is while the first attempt
     * is still being handled (true). ADR 11.
     */
    protected void unansweredIdempotencyKeys(boolean stillBeingHandled) {
        Instant startedAt = stillBeingHandled ? clock.instant() : clock.instant().minusSeconds(3600);
        mongo.getCollection("idempotencyKeys").updateMany(new org.bson.Document(), new org.bson.Document("$set",
                new org.bson.Document("answered", false).append("startedAt", java.util.Date.from(startedAt))));
    }

    /** The answer is an RFC 9457 problem of {@code status}, of {@code type} and naming {@code field} when given. */
    public static void assertProblem(Response response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo("urn:orderwatch:problem:" + type);
        }
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
    }
}
