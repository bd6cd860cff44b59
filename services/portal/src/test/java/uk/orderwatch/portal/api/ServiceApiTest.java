package uk.orderwatch.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import uk.orderwatch.portal.PortalSettings;

/**
 * A form sent twice with its Idempotency-Key: the second sending is told the first is still being handled (409), waits
 * and shows the first's answer rather than an error.
 */
class ServiceApiTest {

    static final String IN_USE = "{\"type\":\"urn:orderwatch:problem:idempotency-key-in-use\",\"status\":409,"
            + "\"title\":\"Request still being handled\"}";
    static final String CONFLICT = "{\"type\":\"urn:orderwatch:problem:outcome-already-recorded\",\"status\":409}";

    HttpServer server;
    final List<String> answers = new CopyOnWriteArrayList<>();
    final List<String> keys = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    ServiceApi api;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            String answer = answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
            int status = answer.contains("\"status\":409") ? 409 : answer.contains("\"status\":404") ? 404 : 201;
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json"
                    : "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://localhost:" + server.getAddress().getPort());
        var clients = mock(OAuth2AuthorizedClientManager.class);
        var registration = ClientRegistration.withRegistrationId("orderwatch").clientId("portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://localhost/cb")
                .authorizationUri("http://localhost/a").tokenUri("http://localhost/t").build();
        when(clients.authorize(any())).thenReturn(new OAuth2AuthorizedClient(registration, "user",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token", Instant.now(),
                        Instant.now().plusSeconds(300))));
        api = new ServiceApi(new PortalSettings(url, url, "portal", "secret",
                new PortalSettings.Services(url, url, url), Duration.ofSeconds(5)), clients);
    }

    static final String NOT_KNOWN = "{\"type\":\"urn:orderwatch:problem:order-not-known\",\"status\":404}";

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSecondSendingWaitsForTheFirstAnswerWithTheSameKey() {
        answers.addAll(List.of(IN_USE, IN_USE, "{\"breachId\":\"b1\"}"));

        var answer = api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/o1/breaches").build(),
                Map.of("conditionId", "c1"), "form-key-1");

        assertThat(answer).containsEntry("breachId", "b1");
        assertThat(keys).hasSize(3).containsOnly("form-key-1");
    }

    @Test
    void anyOtherConflictIsShownAtOnce() {
        answers.add(CONFLICT);

        assertThatThrownBy(() -> api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/o1/attendance").build(),
                Map.of("conditionId", "c1"), "form-key-2")).isInstanceOf(ApiProblem.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anOrderBreachReportDoesNotKnowYetIsAskedForAgainUntilItArrives() {
        answers.addAll(List.of(NOT_KNOWN, NOT_KNOWN, "{\"orderId\":\"o1\"}"));

        var compliance = api.get(Service.BREACH_REPORT, uri -> uri.path("/orders/o1/compliance").build());

        assertThat(compliance).containsEntry("orderId", "o1");
        assertThat(calls).hasValue(3);
    }

    @Test
    void anOrderThatNeverArrivesIsNotFoundAfterTwoSeconds() {
        answers.add(NOT_KNOWN);

        assertThatThrownBy(() -> api.get(Service.BREACH_REPORT, uri -> uri.path("/orders/o2/compliance").build()))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.orderNotKnownYet()).isTrue());
        assertThat(calls).hasValue(8);
    }
}
