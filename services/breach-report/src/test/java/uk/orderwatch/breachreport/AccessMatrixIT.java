package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.requirements.NotificationRequirement;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.testsupport.TestUser;

/**
 * Every endpoint of breach-report × every role × own and other agency: the status, and no field outside the role's
 * allowlist. The order is held by demo-police and assigned to demo-probation and demo-advocacy.
 */
class AccessMatrixIT extends ComplianceITBase {

    static final Set<String> BREACH_FIELDS = Set.of("breachId", "orderId", "conditionId", "conditionCategory",
            "occurredAt", "reportedAt", "description", "location", "reportedBy", "evidenceReferences", "severity",
            "beforeService", "outcomes");

    /** GETs: each case role of the assigned agencies reads; another agency finds nothing; ADMIN may not. */
    static Stream<Arguments> reads() {
        List<Arguments> rows = new ArrayList<>();
        for (String path : List.of("/orders/{id}/compliance", "/orders/{id}/sessions", "/orders/{id}/breaches/{b}",
                "/orders/{id}/notification-requirement", "/orders/{id}/enforcement")) {
            for (TestUser u : TestUser.values()) {
                rows.add(Arguments.of(u, path, u == TestUser.ADMIN ? 403 : u.own() ? 200 : 404));
            }
        }
        for (TestUser u : TestUser.values()) {
            rows.add(Arguments.of(u, "/sessions/due", u.role.equals("PROBATION") ? 200 : 403));
            rows.add(Arguments.of(u, "/admin/audit", u == TestUser.ADMIN ? 200 : 403));
            rows.add(Arguments.of(u, "/admin/dead-letters", u == TestUser.ADMIN ? 200 : 403));
        }
        return rows.stream();
    }

    private static String order;
    private static String breach;
    private static String probationsBreach;

    /** Free text of probation's session records: probation and the police read it, the advocate does not. */
    static final List<String> SESSION_TEXT = List.of("SENTINEL-LATE", "SENTINEL-CONCERN", "SENTINEL-CORRECTION",
            "SENTINEL-RESCHEDULE");

    /**
     * The order with a breach reported by the police, one reported by probation, and a session with every piece of
     * free text a session can have: a late reason, a concern, a correction, and a session moved with a reason.
     */
    void reported() throws Exception {
        if (order == null) {
            order = servedOrder();
            var response = post("/orders/" + order + "/breaches", breach());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            breach = JSON.readTree(response.body()).get("breachId").asString();
            var byProbation = as(TestUser.PROBATION_OWN, "POST", "/orders/" + order + "/breaches", breach()
                    .put("description", "SENTINEL-OWN-WORDS he said he would wait for her").put("location", "at 9"));
            assertThat(byProbation.statusCode()).as(byProbation.body()).isEqualTo(201);
            probationsBreach = JSON.readTree(byProbation.body()).get("breachId").asString();

            String outcomes = "/orders/" + order + "/sessions/" + session(order) + "/outcomes";
            var late = JSON.createObjectNode().put("attended", "LATE").put("lateReason", "SENTINEL-LATE bus");
            late.putObject("concern").put("description", "SENTINEL-CONCERN asked where she lives")
                    .put("tellPractitioner", true).put("risk", false);
            assertThat(as(TestUser.PROBATION_OWN, "POST", outcomes, late).statusCode()).isEqualTo(201);
            var corrected = JSON.createObjectNode().put("attended", "YES")
                    .put("correctionReason", "SENTINEL-CORRECTION register misread");
            assertThat(as(TestUser.PROBATION_OWN, "POST", outcomes, corrected).statusCode()).isEqualTo(201);
            var later = as(TestUser.PROBATION_OWN, "POST", "/orders/" + order + "/sessions", JSON.createObjectNode()
                    .put("conditionId", "c2").put("start", Instant.now().plus(Duration.ofDays(2)).toString())
                    .put("durationMinutes", 90));
            assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
            var moved = as(TestUser.PROBATION_OWN, "POST", "/orders/" + order + "/sessions/"
                    + JSON.readTree(later.body()).get("sessionId").asString() + "/reschedule", JSON.createObjectNode()
                    .put("start", Instant.now().plus(Duration.ofDays(3)).toString())
                    .put("reason", "SENTINEL-RESCHEDULE room moved"));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
    }

    /** A request as {@code user}: {@code method} with a body, a GET without one. */
    Response as(TestUser user, String method, String path, JsonNode body) {
        return call(body == null ? HttpMethod.GET : HttpMethod.valueOf(method), path, user.token, body);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("reads")
    void readsAnswerEachRoleAndAgencyWithOnlyWhatItMaySee(TestUser user, String path, int status) throws Exception {
        reported();
        var response = as(user, "GET", path.replace("{id}", order).replace("{b}", breach), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status != 200) {
            assertThat(response.body()).doesNotContain("SENTINEL");
            return;
        }
        if (path.endsWith("{b}")) {
            assertThat(JSON.readTree(response.body()).propertyNames()).isSubsetOf(BREACH_FIELDS);
        }
        String body = response.body();
        boolean breaches = path.contains("{b}") || path.endsWith("/compliance");
        boolean sessions = path.endsWith("/sessions") || path.endsWith("/compliance");
        switch (user.role) {
            case "PROBATION" -> {
                assertThat(body).as("what happened and where, as the police reported it, may say where the victim "
                        + "lives").doesNotContain("SENTINEL-PLACE", "SENTINEL-DESCRIPTION");
                if (path.endsWith("/compliance")) {
                    assertThat(body).as("what probation wrote itself").contains("SENTINEL-OWN-WORDS");
                }
                if (sessions) {
                    assertThat(body).contains(SESSION_TEXT);
                }
            }
            case "POLICE" -> {
                if (breaches) {
                    assertThat(body).contains("SENTINEL-PLACE", "SENTINEL-DESCRIPTION");
                }
                if (sessions) {
                    assertThat(body).contains(SESSION_TEXT);
                }
            }
            case "ADVOCATE" -> {
                if (breaches) {
                    assertThat(body).contains("SENTINEL-PLACE", "SENTINEL-DESCRIPTION");
                }
                assertThat(body).as("probation's notes on the subject").doesNotContain(SESSION_TEXT);
                if (sessions) {
                    assertThat(body).as("the sessions are there, without their text").contains("\"LATE\"");
                }
            }
            default -> assertThat(body).as("ADMIN reads no case data").doesNotContain("SENTINEL");
        }
    }

    @org.junit.jupiter.api.Test
    void probationReadsTheWordsOfABreachItReportedItself() throws Exception {
        reported();
        var own = as(TestUser.PROBATION_OWN, "GET", "/orders/" + order + "/breaches/" + probationsBreach, null);
        assertThat(own.body()).contains("SENTINEL-OWN-WORDS");
        var police = as(TestUser.PROBATION_OWN, "GET", "/orders/" + order + "/breaches/" + breach, null).json();
        assertThat(police.has("description")).isFalse();
        assertThat(police.has("location")).isFalse();
        assertThat(police.get("conditionCategory").asString()).as("which condition, when, how serious")
                .isEqualTo("NO_CONTACT");
    }

    /** POSTs: who may report a breach, record attendance, record a notification; refused ones change nothing. */
    static Stream<Arguments> changes() {
        List<Arguments> rows = new ArrayList<>();
        for (TestUser u : TestUser.values()) {
            rows.add(Arguments.of(u, "breaches", u == TestUser.ADMIN ? 403 : u.own() ? 201 : 404));
            rows.add(Arguments.of(u, "attendance", !u.role.equals("PROBATION") ? 403 : u.own() ? 201 : 404));
            rows.add(Arguments.of(u, "notification-requirement/notifications",
                    !u.role.equals("POLICE") ? 403 : u.own() ? 201 : 404));
            for (String sessions : List.of("sessions", "sessions/{s}/reschedule", "sessions/{s}/outcomes")) {
                int allowed = sessions.endsWith("reschedule") ? 200 : 201;
                rows.add(Arguments.of(u, sessions, !u.role.equals("PROBATION") ? 403 : u.own() ? allowed : 404));
            }
        }
        return rows.stream();
    }

    /** An order served an hour ago, so its notification requirement's clock runs. */
    String servedOrder() throws Exception {
        String orderId = UUID.randomUUID().toString();
        var o = order(orderId, 1);
        publishOrder(new OrderSnapshot(orderId, 1, o.orderType(), OrderStatus.SERVED, o.court(),
                o.courtCaseReference(), o.madeOn(), Instant.now().minusSeconds(3600), o.endsOn(),
                o.untilFurtherOrder(), o.subject(), o.protectedPersonIds(), o.conditions(), o.agencies(), null, null,
                null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId).isPresent()
                && mongo.findById(orderId, NotificationRequirement.class) != null);
        return orderId;
    }

    /** A session (three hours ago, so an outcome can be recorded) added by the order's practitioner. */
    String session(String orderId) throws Exception {
        var added = as(TestUser.PROBATION_OWN, "POST", "/orders/" + orderId + "/sessions", sessionAdded());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).get("sessionId").asString();
    }

    static JsonNode sessionAdded() {
        return JSON.createObjectNode().put("conditionId", "c2")
                .put("start", Instant.now().minus(Duration.ofHours(3)).toString()).put("durationMinutes", 90);
    }

    /** How many things a change of {@code what} has recorded for the order (beyond a session set up for it). */
    long recorded(String orderId, String what) {
        var sessions = mongo.find(orderQuery(orderId), SessionDocument.class);
        return switch (what) {
            case "breaches" -> mongo.count(orderQuery(orderId), BreachDocument.class);
            case "attendance", "sessions" -> sessions.size();
            case "sessions/{s}/reschedule" -> sessions.get(0).reschedules().size();
            case "sessions/{s}/outcomes" -> sessions.get(0).outcomes().size();
            default -> mongo.findById(orderId, NotificationRequirement.class).notifications().size();
        };
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @MethodSource("changes")
    void onlyTheAssignedAgenciesChangeAnOrdersRecords(TestUser user, String what, int status) throws Exception {
        String orderId = servedOrder();
        String path = what.contains("{s}") ? what.replace("{s}", session(orderId)) : what;
        JsonNode body = switch (what) {
            case "breaches" -> breach();
            case "attendance" -> attendance("NO");
            case "sessions" -> sessionAdded();
            case "sessions/{s}/reschedule" -> JSON.createObjectNode()
                    .put("start", Instant.now().plus(Duration.ofDays(3)).toString()).put("reason", "Room moved");
            case "sessions/{s}/outcomes" -> JSON.createObjectNode().put("attended", "YES");
            default -> JSON.createObjectNode().put("kind", "INITIAL")
                    .put("notifiedAt", Instant.now().minusSeconds(60).toString());
        };

        var response = as(user, "POST", "/orders/" + orderId + "/" + path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(recorded(orderId, what)).as("recorded only when allowed").isEqualTo(status / 100 == 2 ? 1 : 0);
        if (status != 201) {
            assertThat(response.body()).doesNotContain("SENTINEL-PLACE");
        }
    }

    @org.junit.jupiter.api.Test
    void anotherForcesOrderAndOneThatDoesNotExistAnswerAlike() throws Exception {
        String theirs = knownOrder();
        String unknown = java.util.UUID.randomUUID().toString();
        String prober = uk.orderwatch.testsupport.TestTokens.token("POLICE", "other-police", "other-oic");

        var other = get("/orders/" + theirs + "/compliance", prober);
        var none = get("/orders/" + unknown + "/compliance", prober);

        for (var response : List.of(other, none)) {
            assertProblem(response, 404, "order-not-known", null);
            assertThat(response.header("Retry-After")).as("an order registered a moment ago arrives within a second")
                    .contains("1");
        }
        assertThat(other.body().replace(theirs, "ID")).isEqualTo(none.body().replace(unknown, "ID"));
    }
}
