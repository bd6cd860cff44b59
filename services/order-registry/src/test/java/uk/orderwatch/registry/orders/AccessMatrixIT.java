package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TestUser;

/**
 * Every endpoint of order-registry × every role × own and other agency: the status, and that no field outside the
 * role's allowlist is in the body. The order is held by demo-police, assigned to demo-probation and demo-advocacy; its
 * protected person is advocated for by demo-caseworker, and it has an exclusion zone.
 */
class AccessMatrixIT extends OrderRegistryITBase {

    /** What each role may see of an order (OrderView's fields). */
    static final Set<String> ORDER_FIELDS = Set.of("orderId", "version", "type", "status", "court",
            "courtCaseReference", "madeOn", "servedAt", "endsOn", "untilFurtherOrder", "subject", "protectedPersons",
            "conditions", "agencies", "interimOrderId", "fullOrderId", "notificationExemption");

    static Stream<Arguments> reads() {
        List<Arguments> rows = new ArrayList<>();
        for (String path : List.of("/orders/{id}", "/orders/{id}/history", "/orders/{id}/versions/1")) {
            rows.add(Arguments.of(TestUser.POLICE_OWN, path, 200));
            rows.add(Arguments.of(TestUser.POLICE_OTHER, path, 404));
            rows.add(Arguments.of(TestUser.PROBATION_OWN, path, 200));
            rows.add(Arguments.of(TestUser.PROBATION_OTHER, path, 404));
            rows.add(Arguments.of(TestUser.ADVOCATE_OWN, path, 200));
            rows.add(Arguments.of(TestUser.ADVOCATE_COLLEAGUE, path, 200));
            rows.add(Arguments.of(TestUser.ADVOCATE_OTHER, path, 404));
            rows.add(Arguments.of(TestUser.ADMIN, path, 403));
        }
        for (String path : List.of("/orders?courtCaseReference={ref}", "/orders/expiring?withinDays=3650")) {
            for (TestUser user : TestUser.values()) {
                rows.add(Arguments.of(user, path, user == TestUser.ADMIN ? 403 : 200));
            }
        }
        for (TestUser user : TestUser.values()) {
            rows.add(Arguments.of(user, "/known-agencies/demo-police", 200));
            rows.add(Arguments.of(user, "/admin/audit", user == TestUser.ADMIN ? 200 : 403));
            rows.add(Arguments.of(user, "/admin/dead-letters", user == TestUser.ADMIN ? 200 : 403));
        }
        return rows.stream();
    }

    private static String order;
    private static String reference;

    /** One order for every read (registered once, served so it has a second version). */
    String order() throws Exception {
        if (order == null) {
            reference = "MATRIX-" + java.util.UUID.randomUUID();
            order = registered(withZone(validOrder(reference)));
            var varied = post("/orders/" + order + "/variations", JSON.createObjectNode()
                    .put("endsOn", MADE_ON.plusYears(3).toString())
                    .put("reason", "SENTINEL-REASON she has moved to 9 Hidden Close"));
            assertThat(varied.statusCode()).as(varied.body()).isEqualTo(200);
        }
        return order;
    }

    static ObjectNode withZone(ObjectNode order) {
        ObjectNode zone = ((tools.jackson.databind.node.ArrayNode) order.get("conditions")).addObject()
                .put("category", "EXCLUSION_ZONE").put("description", "Not to enter SENTINEL-WORDING Hidden Close");
        zone.putObject("zone").put("area", "SENTINEL-ZONE Hidden Close").put("radiusMetres", 200);
        return order;
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("reads")
    void readsAnswerEachRoleAndAgencyWithOnlyWhatItMaySee(TestUser user, String path, int status) throws Exception {
        String url = path.replace("{id}", order()).replace("{ref}", reference);
        var response = get(url, user.token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String body = response.body();
        if (status != 200) {
            assertThat(body).doesNotContain("SENTINEL", "Jane Protected", "John Example");
            return;
        }
        if (!path.startsWith("/orders")) {
            assertThat(body).as("directory and admin answers hold no case data").doesNotContain("SENTINEL");
            if (path.startsWith("/directory")) {
                assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("recordIds").is("demo-police")
                                .and("action").is("READ")), uk.orderwatch.support.audit.AuditEntry.class))
                        .as("staff details read are audited").isPositive();
            }
            return;
        }
        JsonNode json = JSON.readTree(body);
        if (path.equals("/orders/{id}")) {
            assertThat(json.propertyNames()).isSubsetOf(ORDER_FIELDS);
        }
        if (path.startsWith("/orders?") || path.startsWith("/orders/expiring")) {
            var ids = json.get("items").findValuesAsString("orderId");
            boolean assigned = user == TestUser.POLICE_OWN || user == TestUser.PROBATION_OWN || user == TestUser.ADVOCATE_OWN
                    || user == TestUser.ADVOCATE_COLLEAGUE;
            if (assigned && path.startsWith("/orders?")) {
                assertThat(ids).containsExactly(order);
            }
            if (!assigned) {
                assertThat(ids).doesNotContain(order);
            }
            assertThat(body).as("lists never carry protected persons").doesNotContain("SENTINEL", "Jane Protected");
            return;
        }
        boolean history = path.endsWith("/history");
        switch (user) {
            case POLICE_OWN -> {
                assertThat(body).contains("SENTINEL-ZONE", "SENTINEL-WORDING");
                if (path.equals("/orders/{id}")) {
                    assertThat(body).contains("SENTINEL-ADDRESS");
                }
                if (history) {
                    assertThat(body).contains("SENTINEL-REASON");
                }
            }
            case PROBATION_OWN -> assertThat(body).as("no protected person, no zone's place or wording, no reason")
                    .doesNotContain("SENTINEL", "Jane Protected", "protectedPersons", "zone");
            case ADVOCATE_OWN -> {
                assertThat(body).as("the zone and the court's reasons help plan the victim's safety")
                        .contains("SENTINEL-ZONE", "SENTINEL-WORDING");
                if (path.equals("/orders/{id}")) {
                    assertThat(json.get("protectedPersons")).hasSize(1);
                    assertThat(body).contains("SENTINEL-ADDRESS");
                }
                if (history) {
                    assertThat(body).contains("SENTINEL-REASON");
                }
            }
            case ADVOCATE_COLLEAGUE -> {
                assertThat(body).as("an advocate sees only the person they advocate for")
                        .doesNotContain("SENTINEL-ADDRESS", "Jane Protected");
                if (path.equals("/orders/{id}")) {
                    assertThat(json.get("protectedPersons")).isEmpty();
                }
            }
            default -> assertThat(body).doesNotContain("SENTINEL", "Jane Protected");
        }
    }

    static Stream<Arguments> changes() {
        List<Arguments> rows = new ArrayList<>();
        for (String action : List.of("service", "variations", "renewals", "discharge", "protected-persons")) {
            rows.add(Arguments.of(TestUser.POLICE_OWN, action, action.equals("protected-persons") ? 201 : 200));
            rows.add(Arguments.of(TestUser.POLICE_OTHER, action, 404));
            rows.add(Arguments.of(TestUser.PROBATION_OWN, action, 403));
            rows.add(Arguments.of(TestUser.PROBATION_OTHER, action, 403));
            rows.add(Arguments.of(TestUser.ADVOCATE_OWN, action, 403));
            rows.add(Arguments.of(TestUser.ADVOCATE_OTHER, action, 403));
            rows.add(Arguments.of(TestUser.ADMIN, action, 403));
        }
        return rows.stream();
    }

    static ObjectNode command(String action) {
        ObjectNode body = JSON.createObjectNode();
        switch (action) {
            case "service" -> body.put("servedAt", java.time.Instant.now().minusSeconds(60).toString());
            case "variations" -> body.put("endsOn", MADE_ON.plusYears(3).toString()).put("reason", "Court extended it");
            case "renewals" -> body.put("endsOn", MADE_ON.plusYears(4).toString());
            case "protected-persons" -> body.put("name", "Sam Second").put("address", "SENTINEL-ADDRESS 4 Road");
            default -> body.put("dischargedOn", java.time.LocalDate.now().toString()).put("reason", "Discharged");
        }
        return body;
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @MethodSource("changes")
    void onlyThePoliceHoldingAnOrderChangeIt(TestUser user, String action, int status) throws Exception {
        String orderId = registered(validOrder("CHANGE-" + java.util.UUID.randomUUID()));

        var response = post("/orders/" + orderId + "/" + action, command(action), user.token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        long version = mongo.findById(orderId, OrderDocument.class).version();
        assertThat(version).as("a refused change changes nothing").isEqualTo(status / 100 == 2 ? 2 : 1);
        if (status / 100 == 2) {
            assertThat(JSON.readTree(response.body()).propertyNames()).isSubsetOf(ORDER_FIELDS);
        }
    }

    static Stream<Arguments> registrations() {
        return Stream.of(Arguments.of(TestUser.POLICE_OWN, 201), Arguments.of(TestUser.POLICE_OTHER, 422),
                Arguments.of(TestUser.PROBATION_OWN, 403), Arguments.of(TestUser.ADVOCATE_OWN, 403),
                Arguments.of(TestUser.ADMIN, 403));
    }

    @ParameterizedTest(name = "{0} registers -> {1}")
    @MethodSource("registrations")
    void onlyPoliceRegisterOrdersAndOnlyForTheirOwnForce(TestUser user, int status) throws Exception {
        String reference = "REG-" + java.util.UUID.randomUUID();

        var response = post("/orders", validOrder(reference), user.token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("courtCaseReference").is(reference)),
                OrderDocument.class)).isEqualTo(status == 201 ? 1 : 0);
    }

    @org.junit.jupiter.api.Test
    void withoutATokenEveryEndpointButHealthAndApiDocsIsRefused() throws Exception {
        for (String path : List.of("/orders", "/orders/" + order(), "/orders/expiring", "/admin/audit",
                "/known-agencies/demo-police")) {
            var response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("Bearer");
            assertThat(response.body()).contains("urn:orderwatch:problem:unauthenticated");
        }
        assertThat(get("/actuator/health", null).statusCode()).isIn(200, 503);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        var post = post("/orders", validOrder("NOAUTH"), null);
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @org.junit.jupiter.api.Test
    void everyRefusalOfASignedInUserIsAudited() throws Exception {
        String orderId = order();
        String proberId = "prober-" + java.util.UUID.randomUUID();
        String adminId = "admin-" + java.util.UUID.randomUUID();
        String prober = TestTokens.token("POLICE", "other-police", proberId);
        String admin = TestTokens.token("ADMIN", "orderwatch-admin", adminId);
        String unknown = java.util.UUID.randomUUID().toString();

        assertThat(get("/orders/" + orderId, prober).statusCode()).isEqualTo(404);
        assertThat(get("/orders/" + unknown, prober).statusCode()).isEqualTo(404);
        assertThat(get("/admin/audit", prober).statusCode()).isEqualTo(403);
        assertThat(get("/orders/" + orderId, admin).statusCode()).isEqualTo(403);

        assertThat(refusals(proberId)).containsExactlyInAnyOrder("GET /orders/" + orderId + " -> 404",
                "GET /orders/" + unknown + " -> 404", "GET /admin/audit -> 403");
        assertThat(refusals(adminId)).containsExactly("GET /orders/" + orderId + " -> 403");
    }

    @org.junit.jupiter.api.Test
    void aUserRefusedTenTimesIsSignalledToNotificationOnce() throws Exception {
        String proberId = "prober-" + java.util.UUID.randomUUID();
        String prober = TestTokens.token("POLICE", "other-police", proberId);

        var await = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30));
        for (int i = 0; i < 9; i++) {
            assertThat(get("/orders/" + java.util.UUID.randomUUID(), prober).statusCode()).isEqualTo(404);
        }
        // a refusal is audited as its answer goes out: wait for the nine before the tenth
        await.until(() -> refusals(proberId).size() == 9);
        assertThat(signals(proberId)).as("below the threshold: nothing yet").isZero();
        assertThat(get("/orders/" + java.util.UUID.randomUUID(), prober).statusCode()).isEqualTo(404);
        await.until(() -> signals(proberId) == 1);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/orders/" + java.util.UUID.randomUUID(), prober).statusCode()).isEqualTo(404);
        }
        await.until(() -> refusals(proberId).size() == 13);

        // the streak is stored with its event; once its outbox is empty, Kafka has it
        await.until(() ->
                mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("personId").is(proberId)),
                        uk.orderwatch.support.audit.RefusalWatch.RefusalStreak.class).stream()
                        .allMatch(r -> r.outbox().isEmpty()) && signals(proberId) == 1);
        var records = uk.orderwatch.testsupport.TopicReader.readToEnd(BOOTSTRAP,
                uk.orderwatch.schemas.Topics.ACCESS_ORDER_REGISTRY, java.time.Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().contains(proberId)).toList();
        assertThat(records).as("one signal for the streak, not one per refusal past the threshold").hasSize(1);
        var signal = (uk.orderwatch.schemas.events.AccessRefusedRepeatedly) CODEC.read(records.get(0).value()).data();
        assertThat(signal.service()).isEqualTo("order-registry");
        assertThat(signal.user().agencyId()).isEqualTo("other-police");
        assertThat(signal.refusals()).isEqualTo(10);
        assertThat(records.get(0).key()).as("keyed by the user's agency").isEqualTo("other-police");
    }

    long signals(String personId) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("personId").is(personId)),
                uk.orderwatch.support.audit.RefusalWatch.RefusalStreak.class);
    }

    /** The requests refused to a person, as the audit log has them. */
    List<String> refusals(String personId) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("action").is("REFUSE")
                        .and("personId").is(personId)),
                uk.orderwatch.support.audit.AuditEntry.class).stream()
                .map(uk.orderwatch.support.audit.AuditEntry::request).toList();
    }

    @org.junit.jupiter.api.Test
    void healthShowsItsComponentsToAdminOnlyAndTheInteractiveApiPageIsTheDemosOnly() throws Exception {
        var anonymous = get("/actuator/health", null);
        var officer = get("/actuator/health", TestTokens.police());
        var admin = get("/actuator/health", TestTokens.admin());

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.json().has("status")).isTrue();
        assertThat(anonymous.body()).doesNotContain("components", "mongo", "diskSpace", "/");
        assertThat(officer.body()).doesNotContain("components");
        assertThat(admin.json().get("components").has("diskSpace")).as(admin.body()).isTrue();
        assertThat(get("/swagger-ui.html", null).statusCode()).isEqualTo(404);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(404);
    }
}
