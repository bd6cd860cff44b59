package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.notification.alerts.AlertMetrics;
import uk.orderwatch.notification.alerts.AlertRaiser;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.outbox.OutboxMetrics;
import uk.orderwatch.support.tracing.Traces;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/**
 * What operators see of the service. {@code /actuator/prometheus}: read with the scrape token or an ADMIN's token
 * only, and it has every metric the Grafana dashboard and the alert rules under {@code infra/observability} use, with
 * the alert counted once delivered. Traces (ADR 23): the work on an event continues the trace its record names, and
 * the alert, its {@code alert.raised} record and each delivery belong to it.
 */
@Import(ObservabilityIT.FinishedSpans.class)
class ObservabilityIT extends ServiceIT {

    static final String SCRAPE_TOKEN = "scrape-" + UUID.randomUUID();
    static final Path OBSERVABILITY = Path.of("../../infra/observability");

    @RegisterExtension
    static TestSmtp greenMail = new TestSmtp();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> greenMail.port);
        registry.add("orderwatch.metrics.scrape-token", () -> SCRAPE_TOKEN);
    }

    @Autowired
    AlertRaiser raiser;
    @Autowired
    AlertMetrics alertMetrics;
    @Autowired
    OutboxMetrics outboxMetrics;
    @Autowired
    FinishedSpans spans;

    /** Every span the service finished, as Zipkin would have received it. */
    @TestConfiguration
    static class FinishedSpans extends SpanHandler {
        final Queue<MutableSpan> finished = new ConcurrentLinkedQueue<>();

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            finished.add(span);
            return true;
        }

        List<MutableSpan> of(String traceId) {
            return finished.stream().filter(s -> s.traceId().equals(traceId)).toList();
        }

        Optional<MutableSpan> named(String traceId, String name) {
            return of(traceId).stream().filter(s -> name.equals(s.name())).findFirst();
        }
    }

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

    @Test
    void aBreachRecordsTraceIsCarriedToItsAlertTheAlertRaisedRecordAndEachDelivery() {
        String agency = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        var recorded = put("/directory/agencies/" + agency, """
                {"kind":"POLICE","name":"Traced Constabulary",
                 "people":[{"personId":"pc","name":"PC Traced","email":"pc@traced.test","supervisor":true}],
                 "fallbackPersonId":"pc"}
                """, TestTokens.admin());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String traceId = random(32);
        String reportSpan = random(16);
        var breach = Breaches.of(agency, "pc", Severity.HIGH);

        SharedTestInfra.send(Topics.COMPLIANCE, breach.subject(), CODEC.write(breach), Map.of(
                CloudEvent.HEADER_ID, breach.id(), CloudEvent.HEADER_TYPE, breach.type(),
                CloudEvent.HEADER_TRACEPARENT, "00-" + traceId + "-" + reportSpan + "-01"));

        var alert = await().atMost(Duration.ofSeconds(30)).until(() -> get("/alerts", TestTokens.token("POLICE", agency,
                "pc")).json().path("items"), items -> items.size() == 1).get(0);
        assertThat(alert.path("traceId").asString()).as("the alert shows the report's trace").isEqualTo(traceId);
        var consumed = spans.named(traceId, "consume breach.reported").orElseThrow();
        assertThat(consumed.parentId()).as("the service's work is a child of the record's span").isEqualTo(reportSpan);
        assertThat(consumed.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var delivered = spans.named(traceId, "deliver alert").orElseThrow();
            var email = spans.named(traceId, "send email").orElseThrow();
            assertThat(email.parentId()).as("the email is sent within the delivery").isEqualTo(delivered.id());
            assertThat(delivered.tag("alert.id")).isEqualTo(alert.path("alertId").asString());
        });
        var raised = TopicReader.readUntil(BOOTSTRAP, Topics.ALERTS, records -> records.stream().anyMatch(r -> r
                .value().contains(alert.path("alertId").asString())), Duration.ofSeconds(20)).stream()
                .filter(r -> r.value().contains(alert.path("alertId").asString())).findFirst().orElseThrow();
        assertThat(Traces.traceId(raised.headers().get(CloudEvent.HEADER_TRACEPARENT)))
                .as("alert.raised goes on in the same trace").isEqualTo(traceId);
    }

    @Test
    void everyAnswerCarriesItsTraceparentAndContinuesTheCallersTrace() {
        var own = get("/alerts", TestTokens.police());
        assertThat(own.header(Traces.TRACEPARENT)).hasValueSatisfying(t -> assertThat(Traces.traceId(t)).isNotNull());
        String traceId = random(32);
        var continued = call(org.springframework.http.HttpMethod.GET, "/alerts", TestTokens.police(), null,
                Traces.TRACEPARENT, "00-" + traceId + "-" + random(16) + "-01");
        assertThat(continued.header(Traces.TRACEPARENT).map(Traces::traceId)).contains(traceId);
        var refused = call(org.springframework.http.HttpMethod.GET, "/alerts", null, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header(Traces.TRACEPARENT)).as("a refusal too: it is what a caller reports")
                .hasValueSatisfying(t -> assertThat(Traces.traceId(t)).isNotNull());
    }

    static String random(int hexDigits) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, hexDigits);
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
