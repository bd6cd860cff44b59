package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.infra.Ports;
import uk.orderwatch.notification.alerts.AlertMetrics;
import uk.orderwatch.notification.alerts.AlertRaiser;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.outbox.OutboxMetrics;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.TestTokens;

/**
 * {@code /actuator/prometheus}: read with the scrape token or an ADMIN's token only, and it has every metric the
 * Grafana dashboard and the alert rules under {@code infra/observability} use, with the alert counted once delivered.
 */
class MetricsIT extends ServiceIT {

    static final int SMTP_PORT = Ports.free();
    static final String SCRAPE_TOKEN = "scrape-" + UUID.randomUUID();
    static final Path OBSERVABILITY = Path.of("../../infra/observability");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("orderwatch.metrics.scrape-token", () -> SCRAPE_TOKEN);
    }

    @Autowired
    AlertRaiser raiser;
    @Autowired
    AlertMetrics alertMetrics;
    @Autowired
    OutboxMetrics outboxMetrics;

    String scrape() {
        var response = get("/actuator/prometheus", null, SCRAPE_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    Response get(String path, String ignored, String bearer) {
        return call(org.springframework.http.HttpMethod.GET, path, null, null, "Authorization", "Bearer " + bearer);
    }

    @Test
    void theMetricsAreForTheScraperAndAdministratorsOnly() {
        assertThat(call(org.springframework.http.HttpMethod.GET, "/actuator/prometheus", null, null).statusCode())
                .isEqualTo(401);
        assertThat(call(org.springframework.http.HttpMethod.GET, "/actuator/prometheus", TestTokens.police(), null)
                .statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", null, SCRAPE_TOKEN + "x").statusCode()).as("a wrong scrape token")
                .isEqualTo(401);
        assertThat(call(org.springframework.http.HttpMethod.GET, "/actuator/prometheus", TestTokens.admin(), null)
                .statusCode()).isEqualTo(200);
        assertThat(get("/alerts", null, SCRAPE_TOKEN).statusCode()).as("the scrape token opens nothing else")
                .isEqualTo(401);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesUseIsThereAndADeliveryIsCounted() throws Exception {
        String agency = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        var recorded = put("/directory/agencies/" + agency, """
                {"kind":"POLICE","name":"Metrics Constabulary",
                 "people":[{"personId":"pc","name":"PC Metrics","email":"pc@metrics.test"},
                           {"personId":"inspector","name":"Insp. Duty","email":"duty@metrics.test","supervisor":true}],
                 "fallbackPersonId":"inspector"}
                """, TestTokens.admin());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        double before = deliveredByEmail(scrape());

        assertThat(raiser.raiseFor(Breaches.of(agency, "pc", Severity.HIGH))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredByEmail(scrape()) == before + 1);
        alertMetrics.countUnacknowledged();
        outboxMetrics.count();

        String metrics = scrape();
        Files.writeString(Path.of("target/prometheus-scrape.txt"), metrics);
        Set<String> present = new LinkedHashSet<>();
        metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> present.add(l.split("[{ ]", 2)[0]));
        List<String> used = metricsUsed();
        assertThat(used).as("the dashboard and rules use metrics").hasSizeGreaterThan(8);
        assertThat(present).as("every metric the dashboard and alert rules use").containsAll(used);
        assertThat(metrics).containsPattern("orderwatch_alert_delivery_latency_seconds_bucket\\{[^}]*"
                + "channel=\"email\"[^}]*priority=\"high\"");
        assertThat(metrics).containsPattern("orderwatch_alerts_unacknowledged\\{[^}]*age=\"under-5m\"[^}]*\\} [1-9]");
    }

    static double deliveredByEmail(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("orderwatch_alerts_delivered_total{")
                        && l.contains("channel=\"email\"") && l.contains("priority=\"high\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The metric names in every PromQL expression of the dashboard and the alert rules. */
    static List<String> metricsUsed() throws Exception {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = JSON.readTree(Files.readString(OBSERVABILITY.resolve("grafana/orderwatch.json")));
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asString()));
        Matcher rule = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(Files.readString(
                OBSERVABILITY.resolve("prometheus/orderwatch-rules.yml")));
        while (rule.find()) {
            expressions.add(rule.group(1));
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher name = Pattern.compile("\\b((?:orderwatch|spring_cloud_stream|kafka)_[a-z_]+)\\b").matcher(
                String.join("\n", expressions));
        while (name.find()) {
            names.add(name.group(1));
        }
        return List.copyOf(names);
    }
}
