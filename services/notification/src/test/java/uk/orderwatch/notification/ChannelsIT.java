package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.notification.alerts.Escalations;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;

/**
 * Each channel against a real peer or a stand-in for an external service: GreenMail (SMTP), a local stand-in for
 * GOV.UK Notify's API that checks what the official client sends, and a webhook receiver that verifies the Standard
 * Webhooks signature; then fallback, escalation, acknowledgement and the live stream.
 */
class ChannelsIT extends ServiceIT {

    static final String SERVICE_ID = UUID.randomUUID().toString();
    static final String NOTIFY_SECRET = UUID.randomUUID().toString();
    static final String WEBHOOK_SECRET = "a-secret-shared-with-the-agency-0123";
    static final NotifyStandIn NOTIFY = new NotifyStandIn();
    static final WebhookReceiver WEBHOOK = new WebhookReceiver();

    @RegisterExtension
    static TestSmtp greenMail = new TestSmtp();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> greenMail.port);
        registry.add("orderwatch.sms.notify-api-key", () -> "orderwatch_test-" + SERVICE_ID + "-" + NOTIFY_SECRET);
        registry.add("orderwatch.sms.notify-base-url", () -> "http://localhost:" + NOTIFY.port());
        registry.add("orderwatch.sms.template-id", () -> "f33517ff-2a88-4f6e-b855-c550268ce08a");
        registry.add("orderwatch.sms.callback-token", () -> "notify-callback-token");
        registry.add("orderwatch.channels.first-backoff", () -> "20ms");
        registry.add("orderwatch.channels.breaker-open-for", () -> "500ms");
        registry.add("orderwatch.timers.interval", () -> "1h");
        // the agency's case system is a receiver on this machine, as in the demo stack
        registry.add("orderwatch.webhooks.allow-plain-http", () -> "true");
        registry.add("orderwatch.webhooks.allow-private-addresses", () -> "true");
    }

    @Autowired
    Escalations escalations;
    @Autowired
    uk.orderwatch.notification.delivery.DeliveryService deliveries;
    /** For the live stream only, which RestTestClient does not read as it arrives. */
    final HttpClient http = HttpClient.newHttpClient();
    String agency;

    @AfterAll
    static void stop() {
        NOTIFY.server.stop();
        WEBHOOK.server.stop();
    }

    @BeforeEach
    void recordTheAgency() throws Exception {
        NOTIFY.failing(false);
        WEBHOOK.failing(false);
        agency = "itest-" + UUID.randomUUID().toString().substring(0, 8);
        String body = agencyBody("Test Constabulary", "dc.email@police.test", "07700900456");
        var response = put("/directory/agencies/" + agency, body, TestTokens.admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Reads go as a supervisor of the test agency, who sees every alert of its people. */
    JsonNode get(String path) {
        var response = get(path, TestTokens.token("POLICE", agency, "inspector", true));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The token of one person of the test agency. */
    String as(String person) {
        return TestTokens.token("POLICE", agency, person);
    }

    /**
     * A HIGH breach whose officer in charge is {@code person} of the test agency; answers the order id. The order
     * has no probation or advocacy assignment, so nobody else is alerted. The agency has no escalation policy of its
     * own: an alert escalates to its fallback, the inspector.
     */
    String breachFor(String person) throws Exception {
        return breachFor(person, Severity.HIGH);
    }

    String breachFor(String person, Severity severity) throws Exception {
        var event = Breaches.of(agency, person, severity);
        SharedTestInfra.send(Topics.COMPLIANCE, event.subject(), CODEC.write(event));
        return event.subject();
    }

    JsonNode alertOf(String orderId, String person) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/alerts?orderId=" + orderId + "&personId=" + person)
                .get("total").asInt() == 1);
        return get("/alerts?orderId=" + orderId + "&personId=" + person).get("items").get(0);
    }

    JsonNode delivery(String alertId, String channel) throws Exception {
        for (JsonNode d : get("/alerts/" + alertId).get("deliveries")) {
            if (d.get("channel").asString().equals(channel)) {
                return d;
            }
        }
        return null;
    }


    @Test
    void anAlertIsEmailedThroughSmtp() throws Exception {
        String orderId = breachFor("by-email");
        String alertId = alertOf(orderId, "by-email").get("alertId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessages().length > 0
                && List.of(greenMail.getReceivedMessages()).stream().anyMatch(m -> header(m).equals(alertId)));
        var mail = List.of(greenMail.getReceivedMessages()).stream().filter(m -> header(m).equals(alertId))
                .findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("dc.email@police.test");
        assertThat(mail.getSubject()).startsWith("[orderwatch HIGH] Breach reported");
        assertThat(mail.getMessageID()).as("the same on every attempt, so a resend is recognised")
                .isEqualTo("<alert." + alertId + "@orderwatch>");
        assertThat(String.valueOf(mail.getContent())).as("links to the alert's page")
                .contains("Read and acknowledge this alert in orderwatch: http://localhost:8080/alerts/" + alertId);
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(
                delivery(alertId, "EMAIL").get("status").asString()));
        assertThat(AlertTopic.eventTypes(alertId, 2)).containsExactly("alert.raised", "alert.delivered");
    }

    /** The test agency's body with the given email for DC Email and mobile for DC Sms. */
    String agencyBody(String name, String email, String mobile) {
        return """
                {"kind":"POLICE","name":"%s",
                 "people":[
                   {"personId":"by-email","name":"DC Email","email":"%s"},
                   {"personId":"by-sms","name":"DC Sms","mobile":"%s"},
                   {"personId":"by-webhook","name":"DC Webhook"},
                   {"personId":"inspector","name":"Insp. Duty","email":"duty@police.test","supervisor":true}],
                 "webhook":{"url":"http://localhost:%d/hook","secret":"%s"},
                 "fallbackPersonId":"inspector"}
                """.formatted(name, email, mobile, WEBHOOK.port(), WEBHOOK_SECRET);
    }

    List<jakarta.mail.internet.MimeMessage> noticesTo(String address) {
        return List.of(greenMail.getReceivedMessages()).stream().filter(m -> {
            try {
                return !header(m, "X-Orderwatch-Notice").isEmpty()
                        && m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aChangeOfWhereAlertsGoWaitsForASecondPersonAndThenTellsTheOldAndTheNewContacts() throws Exception {
        String admin = TestTokens.admin();
        String inspector = TestTokens.token("POLICE", agency, "inspector", true);

        var proposed = put("/directory/agencies/" + agency, agencyBody("Test Constabulary", "moved@elsewhere.test",
                "07700900789"), admin);

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        JsonNode change = proposed.json();
        String changeId = change.get("changeId").asString();
        assertThat(change.get("status").asString()).isEqualTo("PENDING");
        assertThat(change.get("differences").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "person by-email email: dc.email@police.test -> moved@elsewhere.test",
                "person by-sms mobile: 07700900456 -> 07700900789");
        assertThat(get("/directory/agencies/" + agency).get("people").get(0).get("email").asString())
                .as("nothing changes before the second person approves").isEqualTo("dc.email@police.test");
        assertThat(put("/directory/agencies/" + agency, agencyBody("Renamed", "dc.email@police.test", "07700900456"),
                admin).statusCode()).as("the agency is locked while a change awaits approval").isEqualTo(409);
        assertThat(put("/directory/agencies/" + agency, agencyBody("Test Constabulary", "moved@elsewhere.test",
                "07700900789"), admin).statusCode()).as("the same proposal again is answered again").isEqualTo(202);

        String approval = "/directory/changes/" + changeId + "/approval";
        var byProposer = post(approval, null, admin);
        assertThat(byProposer.statusCode()).as("not by the proposer").isEqualTo(409);
        assertThat(byProposer.json().get("type").asString()).endsWith("second-person");
        assertThat(post(approval, null, as("by-email")).statusCode()).as("not by staff who supervise no one")
                .isEqualTo(403);
        assertThat(post(approval, null, TestTokens.token("POLICE", "other-police", "other-inspector", true))
                .statusCode()).as("another agency's supervisor does not find it").isEqualTo(404);
        assertThat(greenMail.getReceivedMessages()).as("nobody told before approval").isEmpty();

        var approved = post(approval, null, inspector);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(get("/directory/agencies/" + agency).get("people").get(0).get("email").asString())
                .isEqualTo("moved@elsewhere.test");
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesTo("dc.email@police.test").size() == 1
                && noticesTo("moved@elsewhere.test").size() == 1);
        assertThat(String.valueOf(noticesTo("dc.email@police.test").get(0).getContent()))
                .contains("will no longer be sent to this address", "moved@elsewhere.test",
                        "approved by inspector");
        assertThat(String.valueOf(noticesTo("moved@elsewhere.test").get(0).getContent()))
                .contains("will now be sent to this address");
        assertThat(noticesTo("duty@police.test")).as("an unchanged contact is not troubled").isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(NOTIFY.requests().stream()
                .map(ChannelsIT.NotifyStandIn.Request::body))
                .anySatisfy(b -> assertThat(b).contains("07700900456", "no longer come to this number"))
                .anySatisfy(b -> assertThat(b).contains("07700900789", "now come to this number")));
        assertThat(post(approval, null, inspector).statusCode()).as("approving again answers the same")
                .isEqualTo(200);

        var audit = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recordIds").is(agency)
                        .and("action").is("CHANGE")), uk.orderwatch.support.audit.AuditEntry.class);
        assertThat(audit).extracting(e -> e.personId()).containsExactly("demo-admin", "demo-admin", "inspector");
        assertThat(audit.get(2).changes()).contains("person by-email email: dc.email@police.test -> "
                + "moved@elsewhere.test").anySatisfy(c -> assertThat(c).startsWith("approved change " + changeId));
    }

    /**
     * The agency is read for each alert once every few seconds at most (ADR 20); a change approved through this
     * instance is used by the very next alert.
     */
    @Test
    void theNextAlertAfterAnApprovedChangeGoesToTheNewAddressAtOnce() throws Exception {
        String before = alertOf(breachFor("by-email"), "by-email").get("alertId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> emailOf(before) != null);
        assertThat(emailOf(before).getAllRecipients()[0].toString()).isEqualTo("dc.email@police.test");

        var proposed = put("/directory/agencies/" + agency, agencyBody("Test Constabulary", "moved@elsewhere.test",
                "07700900456"), TestTokens.admin());
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        var approved = post("/directory/changes/" + proposed.json().get("changeId").asString() + "/approval", null,
                TestTokens.token("POLICE", agency, "inspector", true));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/directory/agencies/" + agency).get("people")
                .get(0).get("email").asString().equals("moved@elsewhere.test"));

        String after = alertOf(breachFor("by-email"), "by-email").get("alertId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> emailOf(after) != null);
        assertThat(emailOf(after).getAllRecipients()[0].toString()).isEqualTo("moved@elsewhere.test");
    }

    /** The email of an alert, or null while it has not arrived. */
    jakarta.mail.internet.MimeMessage emailOf(String alertId) {
        return List.of(greenMail.getReceivedMessages()).stream().filter(m -> header(m).equals(alertId)).findFirst()
                .orElse(null);
    }

    @Test
    void aRejectedChangeLeavesTheAgencyAsItWasAndFreeToChange() throws Exception {
        String admin = TestTokens.admin();
        String secondAdmin = TestTokens.token("ADMIN", "orderwatch-admin", "second-admin");
        String body = agencyBody("Test Constabulary", "attacker@elsewhere.test", "07700900456");
        String changeId = put("/directory/agencies/" + agency, body, admin).json().get("changeId").asString();

        var rejected = post("/directory/changes/" + changeId + "/rejection", null, secondAdmin);

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(post("/directory/changes/" + changeId + "/approval", null, secondAdmin).statusCode())
                .as("a rejected change cannot be approved").isEqualTo(409);
        assertThat(get("/directory/agencies/" + agency).get("people").get(0).get("email").asString())
                .isEqualTo("dc.email@police.test");
        var again = put("/directory/agencies/" + agency, body, admin);
        assertThat(again.statusCode()).as("free to be proposed again").isEqualTo(202);
        assertThat(post("/directory/changes/" + again.json().get("changeId").asString() + "/approval", null,
                secondAdmin).statusCode()).as("a second ADMIN approves").isEqualTo(200);
        assertThat(get("/directory/agencies/" + agency).get("people").get(0).get("email").asString())
                .isEqualTo("attacker@elsewhere.test");
        assertThat(noticesTo("dc.email@police.test")).as("the person it was taken from hears of it")
                .hasSize(1);
    }

    @Test
    void aUserRefusedAgainAndAgainIsReportedOnceToTheirAgencysSupervisors() throws Exception {
        var signal = new uk.orderwatch.schemas.events.AccessRefusedRepeatedly("breach-report",
                new uk.orderwatch.schemas.events.Actor("by-email", agency), "POLICE", 10, 10,
                Instant.now().minusSeconds(300), Instant.now());
        String eventId = UUID.randomUUID().toString();
        String record = CODEC.write(uk.orderwatch.schemas.CloudEvent.of(
                uk.orderwatch.schemas.EventType.ACCESS_REFUSED_REPEATEDLY, eventId, "/orderwatch/breach-report",
                Instant.now(), agency, signal));

        SharedTestInfra.send(uk.orderwatch.schemas.Topics.ACCESS_BREACH_REPORT, agency, record);
        SharedTestInfra.send(uk.orderwatch.schemas.Topics.ACCESS_BREACH_REPORT, agency, record);

        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(greenMail.getReceivedMessages()).stream()
                .anyMatch(m -> header(m, "X-Orderwatch-Notice").startsWith(eventId)));
        var told = List.of(greenMail.getReceivedMessages()).stream()
                .filter(m -> header(m, "X-Orderwatch-Notice").startsWith(eventId)).toList();
        assertThat(told).as("the supervisor, once for a signal delivered twice").hasSize(1);
        assertThat(told.get(0).getAllRecipients()[0].toString()).isEqualTo("duty@police.test");
        assertThat(told.get(0).getSubject()).isEqualTo("[orderwatch] by-email was refused access 10 times");
        assertThat(String.valueOf(told.get(0).getContent())).contains("breach-report audit log, action REFUSE");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("recordIds").is(eventId)
                                .and("action").is("DISCLOSE").and("recipientPersonId").is("inspector")),
                uk.orderwatch.support.audit.AuditEntry.class) == 1);
    }

    static String header(jakarta.mail.internet.MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? "" : values[0];
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** The alert an email is about. */
    static String header(jakarta.mail.internet.MimeMessage m) {
        return header(m, "X-Orderwatch-Alert");
    }

    @Test
    void anSmsGoesThroughNotifysClientAndItsDeliveryCallbackMarksItDelivered() throws Exception {
        String orderId = breachFor("by-sms");
        String alertId = alertOf(orderId, "by-sms").get("alertId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> NOTIFY.requests().stream()
                .anyMatch(r -> r.body().contains(alertId)));
        var request = NOTIFY.requests().stream().filter(r -> r.body().contains(alertId)).findFirst().orElseThrow();
        assertThat(request.path()).isEqualTo("/v2/notifications/sms");
        assertThat(request.tokenValid()).as("the client signs a JWT with the key's secret").isTrue();
        JsonNode sms = JSON.readTree(request.body());
        assertThat(sms.get("phone_number").asString()).isEqualTo("07700900456");
        assertThat(sms.get("template_id").asString()).isEqualTo("f33517ff-2a88-4f6e-b855-c550268ce08a");
        assertThat(sms.get("reference").asString()).isEqualTo(alertId);
        assertThat(sms.get("personalisation").get("title").asString()).as("anyone near the phone may read it")
                .isEqualTo("Breach reported: No contact with the protected person").doesNotContain("John Example");
        assertThat(alertOf(orderId, "by-sms").get("title").asString()).endsWith(", John Example");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sending".equals(
                delivery(alertId, "SMS").get("status").asString()));
        String notificationId = delivery(alertId, "SMS").get("providerReference").asString();

        var unauthorised = callback(notificationId, "delivered", "wrong-token");
        var receipt = callback(notificationId, "delivered", "notify-callback-token");

        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(receipt.statusCode()).isEqualTo(204);
        assertThat(delivery(alertId, "SMS").get("status").asString()).isEqualTo("delivered");
        assertThat(AlertTopic.eventTypes(alertId, 2)).containsExactly("alert.raised", "alert.delivered");
    }

    Response callback(String id, String status, String token) {
        return post("/callbacks/notify", "{\"id\":\"" + id + "\",\"reference\":\"x\",\"status\":\"" + status
                + "\",\"to\":\"07700900456\",\"notification_type\":\"sms\"}", token);
    }

    @Test
    void aWebhookIsSignedSoTheAgencyCanVerifyItAndIsTheBodyTheDocumentDescribes() throws Exception {
        String orderId = breachFor("by-webhook");
        String alertId = alertOf(orderId, "by-webhook").get("alertId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> WEBHOOK.received().stream().anyMatch(b -> b.contains(alertId)));
        assertThat(WEBHOOK.rejected()).isEmpty();
        String body = WEBHOOK.received().stream().filter(b -> b.contains(alertId)).findFirst().orElseThrow();
        assertThat(apiContract().checkWebhook("alert.raised", body)).as(body).isEmpty();
        assertThat(apiContract().checkWebhook("alert.raised", body.replace("\"alertId\"", "\"alert\"")))
                .as("a body without its alert id breaks it").isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(
                delivery(alertId, "WEBHOOK").get("status").asString()));
    }

    /**
     * A person's own rules: email at once, then the agency's webhook 5 minutes later if they have not acknowledged;
     * an acknowledged alert goes no further.
     */
    @Test
    void aPersonsOwnRulesSendTheNextChannelAfterTheirWaitUnlessTheyAcknowledged() throws Exception {
        var set = put("/me/notification-rules", """
                {"byPriority":{"HIGH":[{"channel":"EMAIL","afterMinutes":0},{"channel":"WEBHOOK","afterMinutes":5}]}}
                """, as("by-email"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("source").asString()).isEqualTo("OWN");
        // raised 6 minutes ago by the test clock, so that the webhook, signed at the real time, verifies
        clock.set(Instant.now().minus(Duration.ofMinutes(6)));
        String ignored = alertOf(breachFor("by-email"), "by-email").get("alertId").asString();
        String taken = alertOf(breachFor("by-email"), "by-email").get("alertId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> delivery(ignored, "EMAIL") != null
                && delivery(taken, "EMAIL") != null);
        assertThat(post("/alerts/" + taken + "/acknowledgements", "{}", as("by-email")).statusCode()).isEqualTo(201);
        assertThat(delivery(ignored, "WEBHOOK")).as("not before 5 minutes").isNull();

        clock.set(Instant.now());
        deliveries.deliverDue();

        await().atMost(Duration.ofSeconds(20)).until(() -> WEBHOOK.received().stream()
                .anyMatch(b -> b.contains(ignored)));
        assertThat(delivery(ignored, "WEBHOOK").get("status").asString()).isEqualTo("delivered");
        assertThat(delivery(taken, "WEBHOOK")).as("acknowledged: no further channel").isNull();
        assertThat(WEBHOOK.received()).noneMatch(b -> b.contains(taken));
    }

    /** Quiet hours hold a MEDIUM alert's email until they end; a HIGH one goes at once. */
    @Test
    void quietHoursHoldAMediumAlertUntilMorningButNotAHighOne() throws Exception {
        assertThat(put("/me/notification-rules", """
                {"byPriority":{},"quietHours":{"from":"22:00","to":"07:00"}}
                """, as("by-email")).statusCode()).isEqualTo(200);
        var night = java.time.ZonedDateTime.now(uk.orderwatch.notification.duty.Rota.ZONE).plusDays(1)
                .with(java.time.LocalTime.of(23, 30));
        clock.set(night.toInstant());
        String medium = alertOf(breachFor("by-email", Severity.MEDIUM), "by-email").get("alertId").asString();
        String high = alertOf(breachFor("by-email", Severity.HIGH), "by-email").get("alertId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> delivery(high, "EMAIL") != null);
        assertThat(delivery(medium, "EMAIL")).as("held until 07:00").isNull();
        clock.set(night.plusHours(7).plusMinutes(31).toInstant()); // 07:01
        deliveries.deliverDue();
        clock.set(Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> delivery(medium, "EMAIL") != null
                && "delivered".equals(delivery(medium, "EMAIL").get("status").asString()));
    }

    @Test
    void eachPersonSetsOnlyTheirOwnRulesAndTheAgencysSupervisorsItsDefaults() throws Exception {
        var inboxOnly = put("/me/notification-rules", """
                {"byPriority":{"HIGH":[{"channel":"INBOX","afterMinutes":0}]}}
                """, as("by-email"));
        var unreachable = put("/me/notification-rules", """
                {"byPriority":{"HIGH":[{"channel":"SMS","afterMinutes":0}]}}
                """, as("by-email"));
        var backwards = put("/me/notification-rules", """
                {"byPriority":{"HIGH":[{"channel":"EMAIL","afterMinutes":5},{"channel":"WEBHOOK","afterMinutes":1}]}}
                """, as("by-email"));
        var notASupervisor = put("/directory/agencies/" + agency + "/duty/notification-rules", """
                {"byPriority":{"LOW":[]}}
                """, as("by-email"));
        var defaults = put("/directory/agencies/" + agency + "/duty/notification-rules", """
                {"byPriority":{"LOW":[]}}
                """, TestTokens.token("POLICE", agency, "inspector", true));

        assertProblem(inboxOnly, 400, "invalid-request", "byPriority.HIGH[0].channel");
        assertProblem(unreachable, 422, "rules-reach-you", "byPriority.HIGH");
        assertProblem(backwards, 400, "invalid-request", "byPriority.HIGH[1].afterMinutes");
        assertThat(notASupervisor.statusCode()).isEqualTo(403);
        assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(200);
        var mine = get("/me/notification-rules", as("by-sms")).json();
        assertThat(mine.get("source").asString()).isEqualTo("AGENCY");
        assertThat(mine.get("byPriority").get("LOW").size()).as("LOW alerts stay in the inbox").isZero();
        assertThat(mine.get("byPriority").get("HIGH").size()).isEqualTo(3);
    }

    @Test
    void whenSmsIsDownTheAlertFallsBackToTheWebhook() throws Exception {
        NOTIFY.failing(true);
        String orderId = breachFor("by-sms");
        String alertId = alertOf(orderId, "by-sms").get("alertId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> delivery(alertId, "WEBHOOK") != null
                && "delivered".equals(delivery(alertId, "WEBHOOK").get("status").asString()));
        assertThat(delivery(alertId, "SMS").get("status").asString()).isEqualTo("temporary-failure");
        assertThat(delivery(alertId, "SMS").has("nextAttemptAt")).as("kept for a later retry").isTrue();
        assertThat(AlertTopic.eventTypes(alertId, 2)).containsExactly("alert.raised", "alert.delivered");
    }

    @Test
    void whenEveryChannelFailsTheAlertIsReportedFailedAndEscalates() throws Exception {
        NOTIFY.failing(true);
        WEBHOOK.failing(true);
        String orderId = breachFor("by-sms");
        String alertId = alertOf(orderId, "by-sms").get("alertId").asString();

        var escalated = alertOf(orderId, "inspector");

        assertThat(escalated.get("recipient").get("role").asString()).isEqualTo("ESCALATION_CONTACT");
        assertThat(escalated.get("title").asString()).startsWith("Escalated (not delivered)");
        assertThat(get("/alerts/" + alertId).get("escalatedToAlertId").asString())
                .isEqualTo(escalated.get("alertId").asString());
        assertThat(AlertTopic.eventTypes(alertId, 3)).containsExactly("alert.raised", "alert.failed",
                "alert.escalated");
    }

    /** Nobody has to take a LOW alert on: when no channel delivers it, it waits in the inbox and goes nowhere. */
    @Test
    void aLowAlertNoChannelDeliversIsReportedFailedAndEscalatesToNobody() throws Exception {
        NOTIFY.failing(true);
        WEBHOOK.failing(true);
        String orderId = breachFor("by-sms", Severity.LOW);
        String alertId = alertOf(orderId, "by-sms").get("alertId").asString();

        assertThat(AlertTopic.eventTypes(alertId, 2)).containsExactly("alert.raised", "alert.failed");
        await("the failure's follow-up is done").atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection(
                "alerts").find(new org.bson.Document("_id", alertId)).first().getList("followUps", Object.class)
                .isEmpty());
        assertThat(get("/alerts?orderId=" + orderId + "&agencyId=" + agency).get("total").asInt()).isEqualTo(1);
        assertThat(get("/alerts/" + alertId).has("escalatedToAlertId")).isFalse();
    }

    @Test
    void anUnacknowledgedHighAlertEscalatesAfter15MinutesAndAnAcknowledgedOneDoesNot() throws Exception {
        String ignored = breachFor("by-webhook");
        String handled = breachFor("by-email");
        String ignoredId = alertOf(ignored, "by-webhook").get("alertId").asString();
        String handledId = alertOf(handled, "by-email").get("alertId").asString();
        var ack = post("/alerts/" + handledId + "/acknowledgements", "{\"note\":\"On my way\"}", as("by-email"));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(201);
        var wrongPerson = post("/alerts/" + ignoredId + "/acknowledgements", "{}", as("by-email"));
        assertThat(wrongPerson.statusCode()).as("another person's alert is not there for them").isEqualTo(404);

        clock.advance(Duration.ofMinutes(16));
        escalations.escalateOverdue();
        escalations.escalateOverdue();
        clock.set(Instant.now());

        assertThat(alertOf(ignored, "inspector").get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(get("/alerts?orderId=" + handled + "&agencyId=" + agency).get("total").asInt()).isEqualTo(1);
        assertThat(get("/alerts?orderId=" + ignored + "&agencyId=" + agency).get("total").asInt()).isEqualTo(2);
        assertThat(AlertTopic.eventTypes(handledId, 3)).contains("alert.acknowledged")
                .doesNotContain("alert.escalated");
        assertThat(AlertTopic.eventTypes(ignoredId, 3)).contains("alert.escalated");
        assertThat(get("/alerts?personId=by-email&unacknowledged=true&orderId=" + handled).get("total").asInt())
                .isZero();
    }

    /**
     * A process that died right after claiming an escalation (ADR 11) left the claim with its follow-up pending and
     * no escalated alert: the sweep raises it, once.
     */
    @Test
    void anEscalationWhoseProcessDiedBeforeRaisingTheEscalatedAlertIsCompletedBySweep() throws Exception {
        String orderId = breachFor("by-webhook");
        String alertId = alertOf(orderId, "by-webhook").get("alertId").asString();
        String escalatedId = UUID.nameUUIDFromBytes((alertId + "|escalation|1")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        var inspector = new org.bson.Document("personId", "inspector").append("agencyId", agency)
                .append("role", "ESCALATION_CONTACT");
        // what the claim's write leaves: the alert escalated, the escalated alert still to raise
        mongo.getCollection("alerts").updateOne(new org.bson.Document("_id", alertId), new org.bson.Document("$set",
                new org.bson.Document("escalatedToAlertId", escalatedId)
                        .append("escalation", new org.bson.Document("to", inspector)
                                .append("reason", "not-acknowledged").append("acknowledgeWithin", "PT15M")
                                .append("level", 1))
                        .append("followUps", List.of(new org.bson.Document("kind", "raise-escalated-alert")
                                .append("at", java.util.Date.from(clock.instant().minusSeconds(60))))))
                .append("$unset", new org.bson.Document("acknowledgeBy", "")));

        var escalated = alertOf(orderId, "inspector");

        assertThat(escalated.get("alertId").asString()).isEqualTo(escalatedId);
        assertThat(escalated.get("title").asString()).startsWith("Escalated (not acknowledged)");
        await("the follow-up is marked done").atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection(
                "alerts").find(new org.bson.Document("_id", alertId)).first().getList("followUps", Object.class)
                .isEmpty());
        assertThat(get("/alerts?orderId=" + orderId + "&agencyId=" + agency).get("total").asInt()).isEqualTo(2);
    }

    /** An acknowledgement whose answer was lost (ADR 11) is answered as done when retried, not 409 "already". */
    @Test
    void aRetriedAcknowledgementWhoseAnswerWasLostIsDoneNotRefused() throws Exception {
        String orderId = breachFor("by-email");
        String alertId = alertOf(orderId, "by-email").get("alertId").asString();
        String key = UUID.randomUUID().toString();
        String path = "/alerts/" + alertId + "/acknowledgements";
        var first = call(org.springframework.http.HttpMethod.POST, path, as("by-email"), "{\"note\":\"On it\"}",
                "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        unansweredIdempotencyKeys(false);

        var retry = call(org.springframework.http.HttpMethod.POST, path, as("by-email"), "{\"note\":\"On it\"}",
                "Idempotency-Key", key);
        var another = post(path, "{\"note\":\"Again\"}", as("by-email"));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(another.statusCode()).as("a second acknowledgement, not a retry").isEqualTo(409);
        assertThat(AlertTopic.eventTypes(alertId, 3)).containsOnlyOnce("alert.acknowledged");
    }

    @Test
    void theLiveStreamShowsANewAlertAndResumesAfterTheLastEventId() throws Exception {
        String person = "by-webhook";
        var lines = new CopyOnWriteArrayList<String>();
        var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/alerts/stream")))
                .header("Authorization", "Bearer " + as(person)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        var reading = stream.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        // the same person id in another agency is another person: nothing of this one's reaches them
        String namesake = TestTokens.token("POLICE", "another-" + agency, person);
        var namesakeLines = new CopyOnWriteArrayList<String>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(url("/alerts/stream")))
                .header("Authorization", "Bearer " + namesake).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(namesakeLines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> namesakeLines.stream().anyMatch(l -> l.startsWith(":")));

        String first = breachFor(person);
        String firstId = alertOf(first, person).get("alertId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id:" + firstId));
        reading.cancel(true);
        var events = lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).toList();
        assertThat(events).isNotEmpty().allSatisfy(data -> assertThat(apiContract()
                .checkStreamEvent("/alerts/stream", data)).as(data).isEmpty());
        String second = breachFor(person);
        String secondId = alertOf(second, person).get("alertId").asString();

        var namesakeResumed = new CopyOnWriteArrayList<String>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(url("/alerts/stream")))
                .header("Authorization", "Bearer " + namesake).header("Accept", "text/event-stream")
                .header("Last-Event-ID", firstId).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(namesakeResumed::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> namesakeResumed.stream().anyMatch(l -> l.startsWith(":")));
        var resumed = new CopyOnWriteArrayList<String>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(url("/alerts/stream")))
                .header("Authorization", "Bearer " + as(person)).header("Accept", "text/event-stream").header("Last-Event-ID", firstId).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(resumed::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.contains("id:" + secondId));
        assertThat(resumed).doesNotContain("id:" + firstId);
        assertThat(namesakeLines).as("another agency's namesake").noneMatch(l -> l.startsWith("id:"));
        assertThat(namesakeResumed).as("another agency's namesake, resuming").noneMatch(l -> l.startsWith("id:"));
    }

    /** GOV.UK Notify's API as WireMock plays it: answers as Notify does, or fails; the test reads what it got. */
    static final class NotifyStandIn {
        record Request(String path, String body, boolean tokenValid) {
        }

        static final String SENT = "{\"id\":\"{{randomValue type='UUID'}}\",\"reference\":\"r\",\"content\":"
                + "{\"body\":\"b\",\"from_number\":\"GOVUK\"},\"uri\":\"http://x/v2/notifications/1\",\"template\":"
                + "{\"id\":\"f33517ff-2a88-4f6e-b855-c550268ce08a\",\"version\":1,\"uri\":\"http://x\"}}";
        static final String ERROR = "{\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}],"
                + "\"status_code\":500}";

        final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

        NotifyStandIn() {
            server.start();
            failing(false);
        }

        void failing(boolean failing) {
            server.resetMappings();
            server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v2/notifications/sms")).willReturn(failing
                    ? WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                            .withBody(ERROR)
                    : WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody(SENT).withTransformers("response-template")));
        }

        List<Request> requests() {
            return server.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v2/notifications/sms")))
                    .stream().map(r -> new Request(URI.create(r.getUrl()).getPath(), r.getBodyAsString(),
                            validToken(r.getHeader("Authorization")))).toList();
        }

        int port() {
            return server.port();
        }

        static boolean validToken(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return false;
            }
            String[] parts = authorization.substring(7).split("\\.");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(NOTIFY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                return expected.equals(parts[2]) && payload.contains(SERVICE_ID);
            } catch (Exception e) {
                return false;
            }
        }
    }

    /**
     * An agency's case system as WireMock plays it (204, or 503 while failing). Which webhooks it would accept is
     * decided by the reference Standard Webhooks library, as an agency would decide it, not by our own code.
     */
    static final class WebhookReceiver {
        final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        final Webhook verifier = new Webhook(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8));

        WebhookReceiver() {
            server.start();
            failing(false);
        }

        void failing(boolean failing) {
            server.resetMappings();
            server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/hook"))
                    .willReturn(WireMock.aResponse().withStatus(failing ? 503 : 204)));
        }

        /** Bodies answered 2xx whose signature, timestamp and id the library accepts. */
        List<String> received() {
            return taken().stream().filter(this::verified).map(r -> r.getBodyAsString()).toList();
        }

        /** Bodies answered 2xx that the library refuses. */
        List<String> rejected() {
            return taken().stream().filter(r -> !verified(r)).map(r -> r.getBodyAsString()).toList();
        }

        private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> taken() {
            return server.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() / 100 == 2)
                    .map(e -> e.getRequest()).map(com.github.tomakehurst.wiremock.verification.LoggedRequest::createFrom)
                    .toList();
        }

        private boolean verified(com.github.tomakehurst.wiremock.verification.LoggedRequest r) {
            Map<String, List<String>> headers = new HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                if (r.containsHeader(name)) {
                    headers.put(name, List.of(r.getHeader(name)));
                }
            }
            try {
                verifier.verify(r.getBodyAsString(), headers);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }

        int port() {
            return server.port();
        }
    }
}
