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
        return JsonObject.of(call(service, () -> clients.get(service).get().uri(uri).retrieve().body(OBJECT)));
    }

    public List<Map<String, Object>> getList(Service service, Function<UriBuilder, URI> uri) {
        return JsonObject.of(call(service, () -> clients.get(service).get().uri(uri).retrieve().body(LIST)));
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
        for (int attempt = 1; ; attempt++) {
            try {
                return JsonObject.of(call(service, () -> {
                    var request = clients.get(service).post().uri(uri).contentType(MediaType.APPLICATION_JSON);
                    if (idempotencyKey != null) {
                        request = request.header("Idempotency-Key", idempotencyKey);
                    }
                    return (body == null ? request : request.body(body)).retrieve().body(OBJECT);
                }));
            } catch (ApiProblem e) {
                if (!e.stillBeingHandled() || attempt == STILL_BEING_HANDLED_TRIES) {
                    throw e;
                }
                pause(service);
            }
        }
    }

    /** The service's Retry-After for a request still being handled is a second; a form waits up to ten. */
    private static void pause(Service service) {
        try {
            Thread.sleep(STILL_BEING_HANDLED_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable(service);
        }
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
