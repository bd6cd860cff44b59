package uk.orderwatch.notification.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.notification.directory.WebhookTargets;

/**
 * POSTs the alert to the agency's own case system following the Standard Webhooks specification: headers
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">} with the secret shared with that agency, so the agency can verify it with an off-the-shelf
 * library and reject replays.
 */
@Component
public class WebhookChannel implements Channel {

    /** Never follows a redirect: where a webhook may go is decided by {@link WebhookTargets}, not by the receiver. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** A field with no value is left out, as in every answer of the API (the body: {@link WebhookDocument}). */
    private final JsonMapper json = JsonMapper.builder().changeDefaultPropertyInclusion(inclusion -> inclusion
            .withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)).build();
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookChannel(Clock clock, WebhookTargets targets) {
        this.clock = clock;
        this.targets = targets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public boolean canReach(AgencyDocument.Person person, AgencyDocument agency) {
        return agency != null && agency.webhook() != null;
    }

    @Override
    public Sent send(AlertDocument alert, AgencyDocument.Person person, AgencyDocument agency) {
        String url = agency.webhook().url();
        try {
            var refusal = targets.refusal(url);
            if (refusal.isPresent()) {
                throw new PermanentFailure("webhook address refused: " + refusal.get());
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("webhook host does not resolve: " + e.getMessage(), e);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "alert.raised");
        payload.put("timestamp", clock.instant().toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.alertId());
        data.put("orderId", alert.orderId());
        data.put("recipient", alert.recipient());
        data.put("priority", alert.priority());
        data.put("title", alert.title());
        data.put("fields", alert.fields());
        data.put("sourceEventType", alert.sourceEventType());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        String id = "msg_" + alert.alertId();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + sign(agency.webhook().secret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Sent(id, true);
        }
        if (status / 100 == 3) {
            throw new PermanentFailure("webhook redirected it (HTTP " + status + "); redirects are not followed");
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new PermanentFailure("webhook refused it (HTTP " + status + ")");
        }
        throw new IllegalStateException("webhook answered HTTP " + status);
    }

    /**
     * The Standard Webhooks signature. A secret written {@code whsec_<base64>} is that key's bytes; any other secret
     * is used as its UTF-8 bytes.
     */
    public static String sign(String secret, String id, String timestamp, String body) {
        byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
