package uk.orderwatch.portal.alerts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.portal.PortalSettings;
import uk.orderwatch.portal.security.SecurityConfig;
import uk.orderwatch.portal.web.Formats;

/**
 * The live inbox. A browser's EventSource cannot send a bearer token, so the portal opens the notification
 * service's alert stream for the signed-in user with their token, held on the server, and passes each alert on to
 * the browser as a same-origin Server-Sent Event: the alert's id (so the browser's Last-Event-ID resumes the
 * upstream stream after a reconnect), its title, priority, time and page, and nothing else. Each browser
 * connection has its own upstream connection, closed when the browser goes; a connection lasts at most
 * {@link #LIFETIME}, after which the browser reconnects and the portal refreshes the token if it expired.
 */
@RestController
public class AlertRelay {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(AlertRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuth2AuthorizedClientManager authorizedClients;
    private final URI stream;
    private final HttpClient http;
    private final Formats formats;
    private final MessageSource messages;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService relays = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alert-relay-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public AlertRelay(OAuth2AuthorizedClientManager authorizedClients, PortalSettings settings, Formats formats,
                      MessageSource messages) {
        this.authorizedClients = authorizedClients;
        this.stream = URI.create(settings.services().notification().toString().replaceAll("/$", "")
                + "/alerts/stream");
        this.http = HttpClient.newBuilder().connectTimeout(settings.apiTimeout()).build();
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping(path = "/alerts/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                           Authentication user, HttpServletRequest request, HttpServletResponse response) {
        var client = authorizedClients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(SecurityConfig.REGISTRATION).principal(user)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response).build());
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        if (client == null) {
            emitter.complete();
            return emitter;
        }
        var upstream = HttpRequest.newBuilder(stream).header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
        if (lastEventId != null && lastEventId.matches("[A-Za-z0-9-]{1,64}")) {
            upstream.header("Last-Event-ID", lastEventId);
        }
        AtomicReference<InputStream> body = new AtomicReference<>();
        Runnable close = () -> {
            InputStream in = body.getAndSet(null);
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        relays.execute(() -> relay(upstream.build(), emitter, body));
        return emitter;
    }

    private void relay(HttpRequest upstream, SseEmitter emitter, AtomicReference<InputStream> body) {
        try {
            var response = http.send(upstream, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                emitter.complete();
                return;
            }
            body.set(response.body());
            // the notification service has subscribed this user: every alert raised from now on comes through
            emitter.send(SseEmitter.event().name("ready").data("ready"));
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && data.length() > 0) {
                        emitter.send(SseEmitter.event().id(id).name("alert")
                                .data(summary(JSON.readTree(data.toString())), MediaType.APPLICATION_JSON));
                        id = null;
                        data.setLength(0);
                    }
                }
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            // the browser went away or the service stopped: the browser reconnects with Last-Event-ID
            log.debug("alert relay ended: {}", e.toString());
            emitter.complete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    /** What the browser needs to show a new alert: no more than its title line, nothing of the recipient. */
    private Map<String, String> summary(JsonNode alert) {
        Map<String, String> summary = new LinkedHashMap<>();
        String priority = alert.path("priority").asString();
        summary.put("alertId", alert.path("alertId").asString());
        summary.put("title", alert.path("title").asString());
        summary.put("priority", messages.getMessage("priority." + priority, null, priority, java.util.Locale.UK));
        summary.put("priorityCode", priority.toLowerCase(java.util.Locale.UK));
        summary.put("raisedAt", formats.dateTime(alert.path("raisedAt").asString()));
        summary.put("url", "/alerts/" + alert.path("alertId").asString());
        return summary;
    }
}
