package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/** notification fed by compliance events on the in-process broker, alerts read back over HTTP. */
class NotificationIT extends ServiceIT {

    /** The example breach.reported event, about a fresh order. */
    static String breachEvent(String orderId) throws Exception {
        var example = CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.BREACH_REPORTED.exampleResource()).readAllBytes()));
        var b = (BreachReported) example.data();
        var data = new BreachReported(UUID.randomUUID().toString(), orderId, 1, b.conditionId(),
                b.conditionCategory(), b.occurredAt(), b.reportedAt(), b.reportedBy(), b.severity(),
                b.beforeService(), b.subject(), b.agencies());
        return CODEC.write(CloudEvent.of(EventType.BREACH_REPORTED, UUID.randomUUID().toString(),
                "/orderwatch/breach-report", Instant.now(), orderId, data));
    }

    static final String ADMIN = TestTokens.admin();

    JsonNode read(String path, String token) {
        var response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    long alertsFor(String orderId) {
        return mongo.count(Query.query(Criteria.where("orderId").is(orderId)), AlertDocument.class);
    }

    @Test
    void aBreachRaisesOneAlertForEachOfTheThreeRecipientsEvenWhenDeliveredTwice() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String event = breachEvent(orderId);

        SharedTestInfra.send(Topics.COMPLIANCE, orderId, event);
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(orderId) == 3);
        // each recipient sees their own alert in their inbox, and only that one
        List<String> roles = new java.util.ArrayList<>();
        for (String token : List.of(TestTokens.police(), TestTokens.probation(), TestTokens.advocate())) {
            JsonNode page = read("/alerts?orderId=" + orderId, token);
            assertThat(page.get("total").asInt()).isEqualTo(1);
            roles.addAll(page.get("items").findValuesAsString("role"));
        }
        assertThat(roles).containsExactlyInAnyOrder("OFFICER_IN_CHARGE", "PROBATION_PRACTITIONER",
                "ADVOCATE_CASEWORKER");
        assertThat(read("/alerts?orderId=" + orderId, TestTokens.police()).get("items").get(0)
                .get("priority").asString()).isEqualTo("HIGH");

        // a second breach of the same order rides the same partition behind the redelivery: once its alerts exist,
        // the redelivered event has been taken in too, and whatever it raised would be stored by now
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, breachEvent(orderId));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(orderId) >= 6);
        assertThat(alertsFor(orderId)).isEqualTo(6);
        // every alert's events have left its outbox, so Kafka has acknowledged them: the topic read to its end holds
        // all that was published for the order
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(Query.query(Criteria.where("orderId")
                .is(orderId)), AlertDocument.class).stream().allMatch(a -> a.outbox().isEmpty()));
        var raised = TopicReader.readToEnd(BOOTSTRAP, Topics.ALERTS, Duration.ofSeconds(30)).stream()
                .filter(r -> orderId.equals(r.key()) && "alert.raised".equals(r.headers().get("ce_type"))).toList();
        assertThat(raised).as("three alerts for each of the two breaches, none for the redelivery").hasSize(6)
                .allSatisfy(r -> assertThat(CODEC.validate(r.value())).isEmpty());
        assertThat(raised).extracting(r -> ((AlertRaised) CODEC.read(r.value()).data()).recipient().personId())
                .containsExactlyInAnyOrder("demo-oic", "demo-practitioner", "demo-caseworker",
                        "demo-oic", "demo-practitioner", "demo-caseworker");
    }

    @Autowired
    uk.orderwatch.notification.alerts.AlertRaiser raiser;

    @Test
    void anEventWhoseAlertsWereOnlyPartlyStoredRaisesOnlyTheRest() throws Exception {
        String orderId = UUID.randomUUID().toString();
        var event = CODEC.read(breachEvent(orderId));
        assertThat(raiser.raiseFor(event)).isEqualTo(3);
        var stored = mongo.find(Query.query(Criteria.where("orderId").is(orderId)), AlertDocument.class);
        var lost = stored.get(1);
        mongo.remove(Query.query(Criteria.where("_id").is(lost.alertId())), AlertDocument.class);

        assertThat(raiser.raiseFor(event)).as("only the alert that was not stored").isEqualTo(1);

        assertThat(mongo.find(Query.query(Criteria.where("orderId").is(orderId)), AlertDocument.class))
                .extracting(AlertDocument::alertId).containsExactlyInAnyOrderElementsOf(stored.stream()
                        .map(AlertDocument::alertId).toList());
        assertThat(raiser.raiseFor(event)).isZero();
    }

    @Autowired
    uk.orderwatch.notification.orders.OrderReadModel orders;

    @Test
    void theOrderReadModelKeepsTheNewestVersionWhateverOrderEventsArriveIn() throws Exception {
        var example = (uk.orderwatch.schemas.events.OrderServed) CODEC.read(new String(EventCodec.class
                .getResourceAsStream(EventType.ORDER_SERVED.exampleResource()).readAllBytes())).data();
        String orderId = UUID.randomUUID().toString();
        for (long version : new long[] {3, 1, 3, 2}) {
            var o = example.order();
            var snapshot = new uk.orderwatch.schemas.events.OrderSnapshot(orderId, version, o.orderType(),
                    version == 3 ? uk.orderwatch.schemas.events.OrderStatus.DISCHARGED : o.status(), o.court(),
                    o.courtCaseReference(), o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                    o.protectedPersonIds(), o.conditions(), o.agencies(), null, null, null, null);
            var event = CloudEvent.of(EventType.ORDER_SERVED, UUID.randomUUID().toString(),
                    "/orderwatch/order-registry", Instant.now(), orderId,
                    new uk.orderwatch.schemas.events.OrderServed(snapshot, example.servedAt(), example.servedBy()));
            SharedTestInfra.send(Topics.ORDERS, orderId, CODEC.write(event));
        }
        String marker = UUID.randomUUID().toString();
        SharedTestInfra.send(Topics.ORDERS, orderId, CODEC.write(CloudEvent.of(EventType.ORDER_SERVED,
                UUID.randomUUID().toString(), "/orderwatch/order-registry", Instant.now(), orderId,
                new uk.orderwatch.schemas.events.OrderServed(withId(example.order(), marker), example.servedAt(),
                        example.servedBy()))));

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.find(marker).isPresent());
        var known = orders.find(orderId).orElseThrow();
        assertThat(known.version()).isEqualTo(3);
        assertThat(known.order().status()).isEqualTo(uk.orderwatch.schemas.events.OrderStatus.DISCHARGED);
    }

    static uk.orderwatch.schemas.events.OrderSnapshot withId(uk.orderwatch.schemas.events.OrderSnapshot o, String id) {
        return new uk.orderwatch.schemas.events.OrderSnapshot(id, o.version(), o.orderType(), o.status(), o.court(),
                o.courtCaseReference(), o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                o.protectedPersonIds(), o.conditions(), o.agencies(), null, null, null, null);
    }

    @Test
    void recordingAnAgencyPublishesItOnceAndAnUnchangedOneNotAgain() throws Exception {
        String agencyId = "pdu-" + UUID.randomUUID().toString().substring(0, 8);
        String agency = """
                {"kind":"PROBATION","name":"Test PDU","people":[
                  {"personId":"pp-1","name":"P Practitioner","email":"pp@probation.example"}],
                 "fallbackPersonId":"pp-1"}
                """;
        for (int i = 0; i < 2; i++) {
            put("/directory/agencies/" + agencyId, agency);
        }
        put("/directory/agencies/" + agencyId, agency.replace("Test PDU", "Renamed PDU"));

        // once the agency's outbox is empty Kafka has acknowledged everything the three PUTs published
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var stored = mongo.findById(agencyId, uk.orderwatch.notification.directory.AgencyDocument.class);
            return stored != null && stored.version() == 2 && stored.outbox().isEmpty();
        });
        var records = TopicReader.readToEnd(BOOTSTRAP, Topics.DIRECTORY, Duration.ofSeconds(30)).stream()
                .filter(r -> agencyId.equals(r.key())).toList();
        assertThat(records).hasSize(2);
        var versions = records.stream().map(r -> (uk.orderwatch.schemas.events.AgencyRecorded) CODEC.read(r.value())
                .data()).toList();
        assertThat(versions).extracting(uk.orderwatch.schemas.events.AgencyRecorded::version).containsExactly(1L, 2L);
        assertThat(versions.get(1).name()).isEqualTo("Renamed PDU");
        assertThat(records.get(0).value()).as("staff contact details stay in notification")
                .doesNotContain("pp@probation.example");
    }

    @Test
    void anUnknownAlertIsNotFoundAsAProblem() throws Exception {
        var response = get("/alerts/" + UUID.randomUUID(), TestTokens.police());

        assertProblem(response, 404, null, null);
    }

    @Test
    void theDirectoryRecordsAnAgencyAndRefusesAnInvalidOne() throws Exception {
        String agency = """
                {"kind":"POLICE","name":"Demo Police","people":[
                  {"personId":"oic-1","name":"DC Demo","jobTitle":"Officer in charge","email":"oic@police.example"}],
                 "fallbackPersonId":"oic-1"}
                """;
        var put = put("/directory/agencies/test-police", agency, ADMIN);
        var bad = put("/directory/agencies/test-police", agency.replace("oic@police.example", "not-an-email"),
                ADMIN);

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsString("field"))
                .containsExactly("people[0].email");
        assertThat(read("/directory/agencies/test-police", ADMIN).get("people").get(0).get("email").asString())
                .isEqualTo("oic@police.example");
    }

    @Test
    void noAgencyIsRecordedWithoutA24HourFallbackThatCanBeReached() throws Exception {
        String agencyId = "nofb-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/directory/agencies/" + agencyId;

        var none = put(path, """
                {"kind":"POLICE","name":"No Fallback","people":[{"personId":"oic-1","name":"DC One",
                 "email":"one@police.example"}]}
                """, ADMIN);
        var stranger = put(path, """
                {"kind":"POLICE","name":"No Fallback","people":[{"personId":"oic-1","name":"DC One",
                 "email":"one@police.example"}],"fallbackPersonId":"control-room"}
                """, ADMIN);
        var unreachable = put(path, """
                {"kind":"POLICE","name":"No Fallback","people":[{"personId":"oic-1","name":"DC One",
                 "email":"one@police.example"},{"personId":"control-room","name":"Control room"}],
                 "fallbackPersonId":"control-room"}
                """, ADMIN);

        assertProblem(none, 400, "invalid-request", "fallbackPersonId");
        assertProblem(stranger, 400, "invalid-request", "fallbackPersonId");
        assertProblem(unreachable, 422, "fallback-reachable", "fallbackPersonId");
        assertThat(get(path, ADMIN).statusCode()).as("nothing recorded").isEqualTo(404);
    }

    @Test
    void staffSeeTheirOwnAgencysContactsAndOnlyTheNamesOfAnotherAgencysPeople() throws Exception {
        String ours = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "pdu-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/directory/agencies/" + ours, """
                {"kind":"POLICE","name":"Own Police","people":[
                  {"personId":"oic-1","name":"DC Own","jobTitle":"Officer","email":"dc.own@police.example"}],
                 "fallbackPersonId":"oic-1"}
                """, ADMIN).statusCode()).isEqualTo(201);
        assertThat(put("/directory/agencies/" + theirs, """
                {"kind":"PROBATION","name":"Their PDU","people":[
                  {"personId":"pp-1","name":"P Theirs","jobTitle":"Practitioner","email":"pp.theirs@probation.example",
                   "mobile":"07700900123"}],
                 "webhook":{"url":"https://81.2.69.142/hook","secret":"a-secret-shared-with-the-agency-0123"},
                 "fallbackPersonId":"pp-1"}
                """, ADMIN).statusCode()).isEqualTo(201);
        String officer = TestTokens.token("POLICE", ours, "oic-1");

        var list = get("/directory/agencies", officer);
        var other = get("/directory/agencies/" + theirs, officer);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("dc.own@police.example", "P Theirs", "Practitioner")
                .doesNotContain("pp.theirs@probation.example", "07700900123", "81.2.69.142");
        assertThat(other.body()).contains("P Theirs").doesNotContain("pp.theirs@probation.example",
                "07700900123", "81.2.69.142", "fallbackPersonId\":\"");
        assertThat(read("/directory/agencies/" + theirs, ADMIN).get("people").get(0).get("mobile").asString())
                .as("ADMIN sees it whole").isEqualTo("07700900123");
    }

    @Test
    void aChangeOfWhereAnAgencysAlertsGoIsAuditedBeforeAndAfter() throws Exception {
        String agencyId = "route-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "a-secret-shared-with-the-agency-0123";
        put("/directory/agencies/" + agencyId, """
                {"kind":"POLICE","name":"Route Police","people":[
                  {"personId":"p-1","name":"DC Route","email":"dc.route@police.example"}],
                 "webhook":{"url":"https://81.2.69.142/hook","secret":"%s"},"fallbackPersonId":"p-1"}
                """.formatted(secret));
        put("/directory/agencies/" + agencyId, """
                {"kind":"POLICE","name":"Route Police","people":[
                  {"personId":"p-1","name":"DC Route","email":"elsewhere@mail.example","mobile":"07700900123"},
                  {"personId":"p-2","name":"Control room","email":"control@police.example"}],
                 "webhook":{"url":"https://81.2.69.143/hook","secret":"%s"},"fallbackPersonId":"p-2"}
                """.formatted(secret + "-new"));

        var entries = mongo.find(Query.query(Criteria.where("recordIds").is(agencyId).and("action").is("CHANGE")),
                uk.orderwatch.support.audit.AuditEntry.class);

        assertThat(entries).hasSize(2);
        var second = entries.stream().filter(e -> e.changes().stream().anyMatch(c -> c.contains("elsewhere")))
                .toList();
        assertThat(second).hasSize(1);
        assertThat(second.get(0).changes()).as("proposed, awaiting a second person (ChannelsIT approves one)")
                .hasSize(6).contains(
                "person p-1 email: dc.route@police.example -> elsewhere@mail.example",
                "person p-1 mobile: none -> 07700900123",
                "person p-2 added (email control@police.example, mobile none)",
                "webhook: https://81.2.69.142/hook -> https://81.2.69.143/hook",
                "fallback: p-1 -> p-2")
                .anySatisfy(c -> assertThat(c).startsWith("proposed change ").endsWith("awaiting approval"));
        assertThat(entries.toString()).as("a webhook's secret is never written down").doesNotContain(secret);
    }

    @Test
    void aWebhookThatWouldReachOrderwatchsOwnNetworkIsRefused() throws Exception {
        String agencyId = "ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        String agency = """
                {"kind":"POLICE","name":"Test Police","people":[{"personId":"oic-1","name":"DC Demo"}],
                 "webhook":{"url":"%s","secret":"a-secret-shared-with-the-agency-0123"},"fallbackPersonId":"oic-1"}
                """;
        Map<String, String> refused = Map.of(
                "http://case-system.police.example/hook", "must be an https URL",
                "https://localhost:" + port + "/alerts", "a loopback address",
                "https://169.254.169.254/latest/meta-data/", "a link-local address",
                "https://10.1.2.3/hook", "a private address");

        for (var url : refused.entrySet()) {
            var response = put("/directory/agencies/" + agencyId, agency.formatted(url.getKey()), ADMIN);

            assertProblem(response, 400, null, null);
            var error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("webhook.url");
            assertThat(error.get("reason").asString()).as(url.getKey()).contains(url.getValue());
        }
        assertThat(mongo.findById(agencyId, uk.orderwatch.notification.directory.AgencyDocument.class))
                .as("nothing recorded").isNull();
    }

    // --- access: every endpoint × role × own and other agency -------------------------------------------------

    /** Who asks, about the officer in charge's alert of a breach (recipient demo-oic of demo-police). */
    enum User {
        RECIPIENT("POLICE", "demo-police", "demo-oic", false),
        COLLEAGUE("POLICE", "demo-police", "demo-colleague", false),
        SUPERVISOR("POLICE", "demo-police", "demo-duty-inspector", true),
        OTHER_FORCE_SUPERVISOR("POLICE", "other-police", "other-inspector", true),
        /** The recipient's person id, in another force: a person id is unique within its agency only. */
        NAMESAKE_IN_OTHER_FORCE("POLICE", "other-police", "demo-oic", false),
        PROBATION("PROBATION", "demo-probation", "demo-practitioner", true),
        ADVOCATE("ADVOCATE", "demo-advocacy", "demo-caseworker", false),
        ADMIN("ADMIN", "orderwatch-admin", "demo-admin", false);

        final String token;
        final String agency;
        final String person;

        User(String role, String agency, String person, boolean supervisor) {
            this.token = TestTokens.token(role, agency, person, supervisor);
            this.agency = agency;
            this.person = person;
        }

        boolean sees() {
            return this == RECIPIENT || this == SUPERVISOR;
        }
    }

    static final Set<String> ALERT_FIELDS = Set.of("alertId", "orderId", "sourceEventType", "sourceEventId",
            "recipient", "priority", "title", "fields", "raisedAt", "escalationLevel", "rootAlertId",
            "acknowledgeBy", "acknowledgement", "readAt", "escalatedToAlertId", "deliveries", "traceId");

    static Stream<Arguments> access() {
        List<Arguments> rows = new java.util.ArrayList<>();
        for (User u : User.values()) {
            int alertStatus = u == User.ADMIN ? 403 : u.sees() ? 200 : 404;
            rows.add(Arguments.of(u, "GET", "/alerts/{alert}", alertStatus));
            rows.add(Arguments.of(u, "GET", "/alerts?orderId={order}", u == User.ADMIN ? 403 : 200));
            // someone else's inbox: supervisors only (and only within their own agency's alerts)
            rows.add(Arguments.of(u, "GET", "/alerts?personId=demo-oic", u == User.ADMIN ? 403
                    : u == User.COLLEAGUE || u == User.ADVOCATE ? 403 : 200));
            rows.add(Arguments.of(u, "GET", "/alerts?agencyId=demo-police", u == User.ADMIN ? 403
                    : u == User.RECIPIENT || u == User.COLLEAGUE || u == User.SUPERVISOR ? 200 : 403));
            // only the recipient acknowledges or reads; a supervisor sees it but may not act as the recipient
            int act = u == User.ADMIN ? 403 : u == User.RECIPIENT ? 2 : u == User.SUPERVISOR ? 422 : 404;
            rows.add(Arguments.of(u, "POST", "/alerts/{alert}/read", act == 2 ? 200 : act));
            rows.add(Arguments.of(u, "POST", "/alerts/{alert}/acknowledgements", act == 2 ? 201 : act));
            rows.add(Arguments.of(u, "GET", "/directory/agencies", 200));
            rows.add(Arguments.of(u, "GET", "/directory/agencies/matrix-agency", 200));
            rows.add(Arguments.of(u, "PUT", "/directory/agencies/matrix-agency", u == User.ADMIN ? 200 : 403));
            // an agency's rotas and policies: its own staff and ADMIN; matrix-agency is nobody's here
            rows.add(Arguments.of(u, "GET", "/directory/agencies/matrix-agency/duty", u == User.ADMIN ? 200 : 404));
            rows.add(Arguments.of(u, "GET", "/me/notification-rules", u == User.ADMIN ? 403 : 200));
            // changes of where alerts go: ADMIN and the agencies' supervisors
            rows.add(Arguments.of(u, "GET", "/directory/changes", u == User.ADMIN || u == User.SUPERVISOR
                    || u == User.OTHER_FORCE_SUPERVISOR || u == User.PROBATION ? 200 : 403));
            rows.add(Arguments.of(u, "GET", "/admin/audit", u == User.ADMIN ? 200 : 403));
            rows.add(Arguments.of(u, "GET", "/admin/dead-letters", u == User.ADMIN ? 200 : 403));
        }
        // the live stream is the caller's own (ChannelsIT reads it); ADMIN has none
        rows.add(Arguments.of(User.ADMIN, "GET", "/alerts/stream", 403));
        return rows.stream();
    }

    /** A fresh order's breach alerts (one per recipient), each test row on its own, so a change starts clean. */
    String breachAlertFor(String orderId) throws Exception {
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, breachEvent(orderId));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(orderId) == 3);
        return mongo.findOne(Query.query(Criteria.where("orderId").is(orderId).and("recipient.personId")
                .is("demo-oic")), AlertDocument.class).alertId();
    }

    /** The report's row for an agency and priority, as JSON. */
    JsonNode reportRow(String token, String agency, String priority) {
        for (JsonNode row : read("/reports/acknowledgements?days=1", token).get("rows")) {
            if (row.get(0).asString().equals(agency) && row.get(1).asString().equals(priority)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void aSupervisorCountsTheirAgencysAlertsAcknowledgementsAndEscalationsAndNothingElse() throws Exception {
        String police = TestTokens.token("POLICE", "demo-police", "demo-duty-inspector", true);
        var before = reportRow(police, "demo-police", "HIGH");
        long alertsBefore = before == null ? 0 : before.get(2).asLong();
        long acknowledgedBefore = before == null ? 0 : before.get(3).asLong();
        String alertId = breachAlertFor(UUID.randomUUID().toString());
        var ack = post("/alerts/" + alertId + "/acknowledgements", JSON.createObjectNode().put("note", "On it"),
                TestTokens.police());
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(201);

        var row = reportRow(police, "demo-police", "HIGH");
        assertThat(row.get(2).asLong()).isEqualTo(alertsBefore + 1);
        assertThat(row.get(3).asLong()).isEqualTo(acknowledgedBefore + 1);
        assertThat(read("/reports/acknowledgements?days=1", police).get("rows")).as("only their own agency")
                .allSatisfy(r ->
                assertThat(r.get(0).asString()).isEqualTo("demo-police"));
        assertThat(reportRow(ADMIN, "demo-probation", "HIGH")).as("an administrator counts every agency")
                .isNotNull();
        assertProblem(get("/reports/acknowledgements", TestTokens.police()), 403, "forbidden", null);
        var csv = get("/reports/acknowledgements?days=1&format=csv", police);
        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElse("")).contains("alert-acknowledgements.csv");
        assertThat(csv.body()).startsWith("agency,priority,alerts,acknowledged,median minutes to acknowledge,")
                .contains("demo-police,HIGH,").doesNotContain("John Example", "On it");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("access")
    void alertsAreSeenByTheirRecipientAndTheAgencysSupervisorsOnly(User user, String method, String path, int status)
            throws Exception {
        String orderId = UUID.randomUUID().toString();
        String alertId = breachAlertFor(orderId);
        String body = path.startsWith("/directory") ? """
                {"kind":"POLICE","name":"Matrix Police","people":[{"personId":"m-1","name":"M One",
                  "email":"m.one@police.example"}],"fallbackPersonId":"m-1"}
                """ : "{}";
        if (path.startsWith("/directory")) {
            put("/directory/agencies/matrix-agency", body); // so it exists: the admin's PUT replaces it (200)
        }
        var response = call(HttpMethod.valueOf(method), path.replace("{alert}", alertId).replace("{order}", orderId),
                user.token, method.equals("GET") || path.endsWith("/read") ? null : body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var alert = mongo.findById(alertId, AlertDocument.class);
        assertThat(alert.acknowledgement() != null).as("acknowledged only by the recipient")
                .isEqualTo(path.endsWith("acknowledgements") && status == 201);
        assertThat(alert.readAt() != null).as("read (or acknowledged, which reads it) only by the recipient")
                .isEqualTo(status / 100 == 2 && (path.endsWith("/read") || path.endsWith("acknowledgements")));
        if (status / 100 != 2) {
            assertThat(response.body()).doesNotContain("demo-oic", "Demo Constabulary");
            return;
        }
        if (path.startsWith("/alerts/{alert}")) {
            assertThat(JSON.readTree(response.body()).propertyNames()).isSubsetOf(ALERT_FIELDS);
        }
        if (path.equals("/directory/changes") && user != User.ADMIN) {
            assertThat(JSON.readTree(response.body()).findValuesAsString("agencyId"))
                    .as("a supervisor sees their own agency's changes only")
                    .allMatch(a -> a.equals(user.agency));
        }
        if (path.startsWith("/directory/agencies")) {
            String action = method.equals("GET") ? "READ" : "CHANGE";
            assertThat(mongo.count(Query.query(Criteria.where("recordIds").is("matrix-agency").and("action")
                    .is(action).and("personId").is(user.person)),
                    uk.orderwatch.support.audit.AuditEntry.class)).as("staff details read are audited").isPositive();
        }
        if (path.startsWith("/alerts?")) {
            var listed = JSON.readTree(response.body()).get("items").findValuesAsString("alertId");
            if (path.contains("{order}")) {
                assertThat(listed.contains(alertId)).as("the list shows the alert only to those who see it")
                        .isEqualTo(user.sees());
            }
            assertThat(JSON.readTree(response.body()).get("items").valueStream()
                    .map(i -> i.get("recipient").get("agencyId").asString()).toList())
                    .as("nobody lists another agency's alerts").allMatch(a -> user == User.RECIPIENT
                            || user == User.COLLEAGUE || user == User.SUPERVISOR ? a.equals("demo-police")
                            : !a.equals("demo-police"));
        }
    }


    /** ADMIN records an agency (201 new, 200 replaced, 202 a change of where alerts go proposed). */
    void put(String path, String body) {
        var response = put(path, body, ADMIN);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 202);
    }
}
