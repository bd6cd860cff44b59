package uk.orderwatch.portal.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.portal.PortalSettings;
import uk.orderwatch.portal.security.SecurityConfig;

/**
 * Calls the three services as the signed-in user: every request carries the user's own access token (token relay),
 * so the services' access rules and audit apply as they would to the user's own client. Answers are JSON maps, shown
 * as they come ({@link JsonObject}); a refusal becomes an {@link ApiProblem}.
 */
@Component
public class ServiceApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final TypeReference<Map<String, Object>> OBJECT_TYPE = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STILL_BEING_HANDLED_TRIES = 10;
    private static final java.time.Duration STILL_BEING_HANDLED_PAUSE = java.time.Duration.ofSeconds(1);
    /** An order registered a moment ago reaches breach-report within a second; a page waits up to two for it. */
    private static final int ORDER_NOT_KNOWN_TRIES = 8;
    private static final java.time.Duration ORDER_NOT_KNOWN_PAUSE = java.time.Duration.ofMillis(250);

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);

    public ServiceApi(PortalSettings settings, OAuth2AuthorizedClientManager authorizedClients) {
        var relay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        relay.setClientRegistrationIdResolver(request -> SecurityConfig.REGISTRATION);
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.apiTimeout()).build());
        requests.setReadTimeout(settings.apiTimeout());
        Map<Service, URI> urls = Map.of(Service.ORDER_REGISTRY, settings.services().orderRegistry(),
                Service.BREACH_REPORT, settings.services().breachReport(),
                Service.NOTIFICATION, settings.services().notification());
        urls.forEach((service, url) -> clients.put(service, RestClient.builder().baseUrl(url.toString())
                .requestFactory(requests).requestInterceptor(relay)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    Map<String, Object> body = null;
                    try {
                        body = JSON.readValue(response.getBody(), OBJECT_TYPE);
                    } catch (RuntimeException | IOException e) {
                        // no problem detail: the status says enough
                    }
                    throw ApiProblem.from(service, response.getStatusCode().value(), body);
                })
                .build()));
    }

    public Map<String, Object> get(Service service, Function<UriBuilder, URI> uri) {
        return JsonObject.of(withRetries(service, () -> clients.get(service).get().uri(uri).retrieve().body(OBJECT)));
    }

    public List<Map<String, Object>> getList(Service service, Function<UriBuilder, URI> uri) {
        return JsonObject.of(withRetries(service, () -> clients.get(service).get().uri(uri).retrieve().body(LIST)));
    }

    public Map<String, Object> post(Service service, Function<UriBuilder, URI> uri, Object body) {
        return post(service, uri, body, null);
    }

    /**
     * A POST; with an idempotency key, a form sent twice (a double click, a retry) is stored once, and the second
     * sending waits for the first's answer and shows it.
     */
    public Map<String, Object> post(Service service, Function<UriBuilder, URI> uri, Object body,
                                    String idempotencyKey) {
        return JsonObject.of(withRetries(service, () -> {
            var request = clients.get(service).post().uri(uri).contentType(MediaType.APPLICATION_JSON);
            if (idempotencyKey != null) {
                request = request.header("Idempotency-Key", idempotencyKey);
            }
            return (body == null ? request : request.body(body)).retrieve().body(OBJECT);
        }));
    }

    /**
     * The call, sent again while the answer says that will help: a form whose first sending is still being handled
     * (409 with its Idempotency-Key; the service's Retry-After is a second, a form waits up to ten), and an order
     * breach-report does not know yet (404 order-not-known: one registered a moment ago arrives within a second; a
     * page waits up to two). Any other answer is the answer.
     */
    private static <T> T withRetries(Service service, Supplier<T> request) {
        int inUse = 0;
        int notKnown = 0;
        while (true) {
            try {
                return call(service, request);
            } catch (ApiProblem e) {
                if (e.stillBeingHandled() && ++inUse < STILL_BEING_HANDLED_TRIES) {
                    pause(service, STILL_BEING_HANDLED_PAUSE);
                } else if (e.orderNotKnownYet() && ++notKnown < ORDER_NOT_KNOWN_TRIES) {
                    pause(service, ORDER_NOT_KNOWN_PAUSE);
                } else {
                    throw e;
                }
            }
        }
    }

    private static void pause(Service service, java.time.Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable(service);
        }
    }

    /** A CSV download, as the service wrote it. */
    public String csv(Service service, Function<UriBuilder, URI> uri) {
        return call(service, () -> clients.get(service).get().uri(uri).accept(new MediaType("text", "csv"))
                .retrieve().body(String.class));
    }

    /** A PUT: the resource replaced by {@code body}. */
    public Map<String, Object> put(Service service, Function<UriBuilder, URI> uri, Object body) {
        return JsonObject.of(call(service, () -> clients.get(service).put().uri(uri)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT)));
    }

    private static <T> T call(Service service, Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw ApiProblem.unavailable(service);
        }
    }
}
