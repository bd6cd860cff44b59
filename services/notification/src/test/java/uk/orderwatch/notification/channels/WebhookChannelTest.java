package uk.orderwatch.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.notification.directory.WebhookTargets;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;

/**
 * A webhook is posted only where {@link WebhookTargets} allows, and never where the receiver redirects it: a listener
 * on this machine stands for a service on orderwatch's own network that an agency's URL must not reach.
 */
class WebhookChannelTest {

    static final String SECRET = "a-secret-shared-with-the-agency-0123";

    HttpServer listener;
    final List<String> hits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/hook", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.createContext("/moved", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", url("/hook"));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    @Test
    void aWebhookToThisMachineIsRefusedAndNothingIsPosted() {
        var channel = new WebhookChannel(Clock.systemUTC(), new WebhookTargets(true, false));

        assertThatThrownBy(() -> channel.send(alert(), person(), agency(url("/hook"))))
                .isInstanceOf(Channel.PermanentFailure.class)
                .hasMessageContaining("a loopback address");
        assertThat(hits).isEmpty();
    }

    @Test
    void aDemoStackThatAllowsPrivateAddressesPostsToTheSameListener() {
        var channel = new WebhookChannel(Clock.systemUTC(), new WebhookTargets(true, true));

        assertThat(channel.send(alert(), person(), agency(url("/hook"))).deliveredNow()).isTrue();
        assertThat(hits).containsExactly("/hook");
    }

    @Test
    void aRedirectIsNotFollowedAndFailsForGood() {
        var channel = new WebhookChannel(Clock.systemUTC(), new WebhookTargets(true, true));

        assertThatThrownBy(() -> channel.send(alert(), person(), agency(url("/moved"))))
                .isInstanceOf(Channel.PermanentFailure.class)
                .hasMessageContaining("HTTP 307");
        assertThat(hits).containsExactly("/moved");
    }

    static AgencyDocument.Person person() {
        return new AgencyDocument.Person("dc-webhook", "DC Webhook", null, null, null, false);
    }

    static AgencyDocument agency(String webhookUrl) {
        return new AgencyDocument("test-police", 1, AgencyKind.POLICE, "Test Constabulary", List.of(person()),
                new AgencyDocument.Webhook(webhookUrl, SECRET), "dc-webhook", List.of(), null);
    }

    static AlertDocument alert() {
        return new AlertDocument("alert-1", 1, "event-1", "breach.reported", "order-1",
                new Recipient("dc-webhook", "test-police", RecipientRole.OFFICER_IN_CHARGE), Severity.HIGH,
                "Breach reported", "Breach reported", "A breach was reported.", Map.of(), Instant.now(), "alert-1", 0,
                List.of(), null,
                null, false, null, null, null, null, null, List.of(), List.of(), null, null);
    }
}
