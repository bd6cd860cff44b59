package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.AlertRaiser;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.alerts.DeliveryStatus;
import uk.orderwatch.notification.alerts.Escalations;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.testsupport.MutableClock;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;

/**
 * Two instances of notification on one database and one broker (ADR 21): this test's own ("here") and a second one
 * started beside it ("there"). A live stream held by either shows what the other raised; an agency changed through
 * one is read afresh by the other; an overdue alert escalates once when both look for overdue alerts at the same time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends ServiceIT {


    @RegisterExtension
    static TestSmtp greenMail = new TestSmtp();

    /** Settings both instances share beyond the shared infrastructure. */
    static final Map<String, String> SETTINGS = Map.of(
            "spring.mail.port", String.valueOf(greenMail.port),
            // overdue alerts are looked for by the test, on both instances at once
            "orderwatch.timers.interval", "1h",
            // what an instance read of an agency is kept until it hears the agency changed
            "orderwatch.delivery.reads-kept-for", "1h");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    AlertRaiser raiser;
    @Autowired
    Escalations escalations;

    ConfigurableApplicationContext there;
    int therePort;
    final HttpClient http = HttpClient.newHttpClient();
    String agency;

    /** Started once for the class: each test records an agency of its own. */
    @BeforeAll
    void startTheSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        SharedTestInfra.serviceProperties(Topics.allTopics(), "unused").forEach((k, v) -> properties.put(k, v.get()));
        properties.putAll(SETTINGS);
        // this instance's database (the property would name a new one each time it is read)
        properties.put("spring.mongodb.uri", SharedTestInfra.mongo().uri(mongo.getDb().getName()));
        properties.put("server.port", "0");
        // as arguments, so they come before the service's own application.yml as they do for this instance
        there = new SpringApplicationBuilder(NotificationApplication.class, ServiceIT.TestClock.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        therePort = Integer.parseInt(there.getEnvironment().getProperty("local.server.port"));
        // ready once its own consumer group reads the alerts and the directory: what is raised from now on, it hears
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + therePort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @BeforeEach
    void recordAnAgency() {
        agency = "two-" + UUID.randomUUID().toString().substring(0, 8);
        var response = put("/directory/agencies/" + agency, agencyBody("pc@police.test"), TestTokens.admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @AfterAll
    void stopTheSecondInstance() {
        there.close();
    }

    static String agencyBody(String email) {
        return """
                {"kind":"POLICE","name":"Two Instance Constabulary",
                 "people":[
                   {"personId":"pc","name":"PC Stream","email":"%s"},
                   {"personId":"inspector","name":"Insp. Duty","email":"duty@police.test","supervisor":true}],
                 "fallbackPersonId":"inspector"}
                """.formatted(email);
    }

    /** A HIGH breach whose officer in charge is {@code pc} of the test agency, and nobody else. */
    CloudEvent<?> breach() {
        return Breaches.of(agency, "pc", Severity.HIGH);
    }

    List<AlertDocument> alertsOf(String orderId) {
        return mongo.find(Query.query(Criteria.where("orderId").is(orderId)), AlertDocument.class);
    }

    /** Opens {@code pc}'s live stream on the instance at {@code port}; answers the lines as they arrive. */
    List<String> streamOf(int port) {
        var lines = new CopyOnWriteArrayList<String>();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/alerts/stream"))
                .header("Authorization", "Bearer " + TestTokens.token("POLICE", agency, "pc"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        return lines;
    }

    @Test
    void aLiveStreamHeldByEitherInstanceShowsAnAlertRaisedByTheOtherOnce() throws Exception {
        List<String> onThere = streamOf(therePort);
        List<String> onHere = streamOf(port);

        var event = breach();
        assertThat(raiser.raiseFor(event)).isEqualTo(1);
        String alertId = alertsOf(event.subject()).get(0).alertId();

        await().atMost(Duration.ofSeconds(20)).until(() -> onThere.contains("id:" + alertId));
        await().atMost(Duration.ofSeconds(20)).until(() -> onHere.contains("id:" + alertId));
        // the raiser's own stream had it at once and heard of it again from the topic: still once; the other one
        // heard of it once
        var second = breach();
        assertThat(there.getBean(AlertRaiser.class).raiseFor(second)).isEqualTo(1);
        String secondId = alertsOf(second.subject()).get(0).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> onHere.contains("id:" + secondId)
                && onThere.contains("id:" + secondId));
        for (var lines : List.of(onHere, onThere)) {
            assertThat(lines.stream().filter(l -> l.startsWith("id:")).toList())
                    .containsExactly("id:" + alertId, "id:" + secondId);
        }
    }

    /**
     * An alert raised by one instance a moment before another raised by the other can reach a stream after it; a
     * client that lost its connection in between and resumes from the later one still gets the earlier one.
     */
    @Test
    void aStreamResumedFromTheLastAlertItGotAlsoGetsOneRaisedJustBeforeThatItHadNotGot() throws Exception {
        var earlier = breach();
        clock.advance(Duration.ofSeconds(-10));
        assertThat(raiser.raiseFor(earlier)).isEqualTo(1);
        clock.set(Instant.now());
        var later = breach();
        assertThat(there.getBean(AlertRaiser.class).raiseFor(later)).isEqualTo(1);
        String earlierId = alertsOf(earlier.subject()).get(0).alertId();
        String laterId = alertsOf(later.subject()).get(0).alertId();

        var lines = new CopyOnWriteArrayList<String>();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/alerts/stream"))
                .header("Authorization", "Bearer " + TestTokens.token("POLICE", agency, "pc"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", laterId).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id:" + earlierId));
        assertThat(lines).doesNotContain("id:" + laterId);
    }

    @Test
    void anAgencyChangedThroughOneInstanceIsReadAfreshByTheOtherForItsNextAlert() throws Exception {
        var thereRaiser = there.getBean(AlertRaiser.class);
        var first = breach();
        assertThat(thereRaiser.raiseFor(first)).isEqualTo(1);
        String firstId = alertsOf(first.subject()).get(0).alertId();
        await().atMost(Duration.ofSeconds(20)).until(() -> emailedTo(firstId).equals(List.of("pc@police.test")));

        var proposed = put("/directory/agencies/" + agency, agencyBody("pc.new@police.test"), TestTokens.admin());
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        var approved = post("/directory/changes/" + proposed.json().get("changeId").asString() + "/approval", null,
                TestTokens.token("POLICE", agency, "inspector", true));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        // the other instance keeps what it read for an hour here: only hearing of the change makes it read afresh
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var probe = breach();
            thereRaiser.raiseFor(probe);
            String probeId = alertsOf(probe.subject()).get(0).alertId();
            await().atMost(Duration.ofSeconds(10)).until(() -> !emailedTo(probeId).isEmpty());
            return emailedTo(probeId).equals(List.of("pc.new@police.test"));
        });
    }

    /** The addresses an alert was emailed to. */
    List<String> emailedTo(String alertId) {
        List<String> to = new java.util.ArrayList<>();
        for (var message : greenMail.getReceivedMessages()) {
            try {
                String[] id = message.getHeader("X-Orderwatch-Alert");
                if (id != null && id[0].equals(alertId)) {
                    for (var address : message.getAllRecipients()) {
                        to.add(address.toString());
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    @Test
    void anOverdueAlertEscalatesOnceWhenBothInstancesLookForOverdueAlertsAtOnce() throws Exception {
        List<CloudEvent<?>> breaches = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var event = breach();
            breaches.add(event);
            assertThat(raiser.raiseFor(event)).isEqualTo(1);
        }
        // each delivered (an outcome recorded meanwhile changes the alert: its escalation would wait for the next look)
        await().atMost(Duration.ofSeconds(30)).until(() -> breaches.stream().allMatch(e -> alertsOf(e.subject())
                .get(0).deliveries().stream().anyMatch(d -> d.channel() == ChannelType.EMAIL
                        && d.status() == DeliveryStatus.DELIVERED)));
        var thereClock = there.getBean(MutableClock.class);
        clock.advance(Duration.ofMinutes(16));
        thereClock.advance(Duration.ofMinutes(16));

        var here = CompletableFuture.supplyAsync(escalations::escalateOverdue);
        var other = CompletableFuture.supplyAsync(there.getBean(Escalations.class)::escalateOverdue);

        // the earlier tests' alerts are overdue too: these 20 are among what the two escalated between them
        assertThat(here.get() + other.get()).as("what the two instances escalated").isGreaterThanOrEqualTo(20);
        for (var event : breaches) {
            var alerts = alertsOf(event.subject());
            assertThat(alerts).as("the alert and one escalation of it").hasSize(2);
            assertThat(alerts).filteredOn(a -> a.recipient().personId().equals("inspector")).hasSize(1);
        }
    }
}
