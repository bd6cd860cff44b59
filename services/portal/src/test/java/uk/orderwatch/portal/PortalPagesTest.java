package uk.orderwatch.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uk.orderwatch.portal.api.ApiProblem;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;

/**
 * Every page rendered for the roles that use it, with the three services played by answers written here: the
 * pages show what the services answer, in plain words, refuse forms without their CSRF token, show a service's
 * refusal at the field it concerns, and show one "not found" page for what does not exist or may not be seen.
 * (The real services, the identity server and a real browser are in the end-to-end portal journey.)
 */
@SpringBootTest(properties = {"orderwatch.issuer=http://localhost:9000", "orderwatch.client-secret=pages-test"})
@AutoConfigureMockMvc
class PortalPagesTest {

    static final String ORDER_ID = "7d1f0c4e-0000-4000-8000-000000000001";
    static final String ALERT_ID = "a1e7c4e0-0000-4000-8000-000000000002";

    @Autowired
    MockMvcTester mvc;

    /** Sessions are stored in MongoDB: a database of this test's own on the Mongo wire server. */
    @org.springframework.test.context.DynamicPropertySource
    static void sessionStore(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String uri = uk.orderwatch.testsupport.SharedTestInfra.mongo().uri("portal-pages-"
                + java.util.UUID.randomUUID());
        registry.add("spring.mongodb.uri", () -> uri);
        registry.add("management.health.mongodb.enabled", () -> "false");
    }

    @MockitoBean
    ServiceApi api;

    /** Path to answer, per service; a path not listed answers 404. */
    final Map<String, Object> answers = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void services() {
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID, order(true));
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID + "/history", List.of(Map.of("version", 1,
                "action", "registered", "at", "2026-11-20T10:00:00Z", "by", Map.of("personId", "demo-oic"))));
        answers.put("ORDER_REGISTRY /orders", Map.of("items", List.of(summary()), "total", 1));
        answers.put("BREACH_REPORT /orders/" + ORDER_ID + "/compliance", Map.of(
                "sessions", List.of(session()), "breaches", List.of(Map.of("breachId", "b1",
                        "conditionCategory", "NO_CONTACT", "occurredAt", "2026-11-21T21:15:00Z",
                        "reportedAt", "2026-11-21T22:00:00Z", "description", "Sent six messages")),
                "nonCompliance", Map.of("breaches", 1, "unacceptableAbsences", 0), "enforcement", Map.of(
                        "rules", List.of(Map.of("conditionId", "c2", "programme", "Stalking Perpetrator Programme",
                                "threshold", 2, "windowDays", 365)),
                        "reviews", List.of(Map.of("reviewId", "r1", "conditionId", "c2", "raisedAt",
                                "2026-11-22T10:00:00Z", "count", 2, "threshold", 2, "windowDays", 365,
                                "responseBy", "2026-11-29T10:00:00Z")), "warnings", List.of())));
        answers.put("BREACH_REPORT /orders/" + ORDER_ID + "/sessions", List.of(session()));
        answers.put("BREACH_REPORT /orders/" + ORDER_ID + "/enforcement", Map.of("rules", List.of(Map.of(
                "conditionId", "c2", "programme", "Stalking Perpetrator Programme", "threshold", 2, "windowDays", 365)),
                "reviews", List.of(Map.of("reviewId", "r1", "conditionId", "c2", "raisedAt", "2026-11-22T10:00:00Z",
                        "count", 2, "threshold", 2, "windowDays", 365, "responseBy", "2026-11-29T10:00:00Z")),
                "warnings", List.of()));
        answers.put("BREACH_REPORT /orders/" + ORDER_ID + "/breaches/b1", Map.of("breachId", "b1",
                "conditionCategory", "NO_CONTACT", "occurredAt", "2026-11-21T21:15:00Z", "outcomes", List.of(Map.of(
                        "step", "ARRESTED", "at", "2026-11-22T08:00:00Z", "reasonableExcuseRaised", false))));
        answers.put("BREACH_REPORT /sessions/due", Map.of("items", List.of(), "total", 0));
        answers.put("NOTIFICATION /alerts", Map.of("items", List.of(alert()), "total", 1));
        answers.put("NOTIFICATION /directory/agencies/demo-police/duty", Map.of("agencyId", "demo-police", "rotas",
                Map.of("duty-sergeants", Map.of("name", "Duty sergeants", "layers", List.of(Map.of("name", "days",
                        "members", List.of("demo-oic-2"), "turnHours", 24, "hours", List.of(Map.of("days",
                                List.of("MONDAY", "TUESDAY"), "from", "08:00:00", "to", "20:00:00")))))),
                "unassignedRotaId", "duty-sergeants", "policy", Map.of("steps", List.of(
                        Map.of("who", "ASSIGNED", "waitMinutes", 240),
                        Map.of("who", "ON_DUTY", "rotaId", "duty-sergeants", "waitMinutes", 60),
                        Map.of("who", "FALLBACK", "waitMinutes", 60)), "repeat", 1)));
        answers.put("NOTIFICATION /directory/agencies/demo-police/duty/rotas/duty-sergeants/on-duty",
                Map.of("personId", "demo-oic-2", "layer", "days"));
        answers.put("NOTIFICATION /me/notification-rules", Map.of("source", "OWN", "byPriority", Map.of(
                "HIGH", List.of(Map.of("channel", "SMS", "afterMinutes", 0), Map.of("channel", "WEBHOOK",
                        "afterMinutes", 5)), "MEDIUM", List.of(Map.of("channel", "EMAIL", "afterMinutes", 0)),
                "LOW", List.of()), "quietHours", Map.of("from", "22:00:00", "to", "07:00:00")));
        answers.put("NOTIFICATION /alerts/" + ALERT_ID, alert());
        answers.put("NOTIFICATION /directory/agencies", List.of(Map.of("agencyId", "demo-probation",
                "kind", "PROBATION", "name", "Demo Probation Delivery Unit", "people", List.of(Map.of(
                        "personId", "demo-practitioner", "name", "Priya Shah", "jobTitle", "Probation practitioner"),
                        Map.of("personId", "demo-senior", "name", "Chris Doyle", "jobTitle", "Senior practitioner")),
                "fallbackPersonId", "demo-senior"), Map.of("agencyId", "north-probation", "kind", "PROBATION", "name",
                "North Probation Delivery Unit", "people", List.of(Map.of("personId", "north-pp", "name",
                        "Nia Hughes", "jobTitle", "Probation practitioner")), "fallbackPersonId", "north-pp"),
                Map.of("agencyId", "demo-police", "kind", "POLICE", "name", "Demo Constabulary", "people", List.of(
                        Map.of("personId", "demo-oic-2", "name", "DC Lee Park", "jobTitle", "Detective constable")),
                        "fallbackPersonId", "demo-oic-2"),
                Map.of("agencyId", "other-police", "kind", "POLICE", "name", "Other Constabulary", "people",
                        List.of(Map.of("personId", "other-oic", "name", "DC Kim Reed", "jobTitle", "DC")),
                        "fallbackPersonId", "other-oic")));
        answers.put("NOTIFICATION /directory/agencies/demo-probation", Map.of("agencyId", "demo-probation",
                "kind", "PROBATION", "name", "Demo Probation Delivery Unit", "people", List.of(Map.of(
                        "personId", "demo-practitioner", "name", "Priya Shah", "jobTitle", "Probation practitioner",
                        "email", "priya.shah@probation.test", "supervisor", true)),
                "fallbackPersonId", "demo-practitioner",
                "webhookUrl", "https://probation.test/hooks"));
        answers.put("NOTIFICATION /directory/changes", List.of());
        answers.put("ORDER_REGISTRY /reports/orders-by-status", Map.of("name", "orders-by-status", "columns",
                List.of("force", "type", "status", "orders"), "rows", List.of(List.of("demo-police", "SPO", "SERVED",
                        4))));
        answers.put("BREACH_REPORT /reports/monthly", Map.of("name", "compliance-by-month", "columns",
                List.of("month", "breaches reported", "sessions missed", "enforcement reviews"), "rows", List.of()));
        answers.put("NOTIFICATION /reports/acknowledgements", Map.of("name", "alert-acknowledgements", "columns",
                List.of("agency", "priority", "alerts"), "rows", List.of(List.of("demo-police", "HIGH", 7))));
        for (Service s : Service.values()) {
            answers.put(s + " /admin/dead-letters", List.of());
            answers.put(s + " /admin/audit", Map.of("items", List.of(), "total", 0));
        }
        when(api.get(any(), any())).thenAnswer(i -> answer(i.getArgument(0), i.getArgument(1)));
        when(api.getList(any(), any())).thenAnswer(i -> answer(i.getArgument(0), i.getArgument(1)));
    }

    @SuppressWarnings("unchecked")
    private Object answer(Service service, Function<UriBuilder, URI> uri) {
        String path = uri.apply(UriComponentsBuilder.newInstance()).getPath();
        calls.add(service + " " + path);
        Object answer = answers.get(service + " " + path);
        if (answer == null) {
            throw new ApiProblem(service, 404, "Not found", "No such thing", List.of());
        }
        if (answer instanceof ApiProblem refusal) {
            throw refusal;
        }
        // as ServiceApi gives them to the pages
        return uk.orderwatch.portal.api.JsonObject.of(answer);
    }

    static Map<String, Object> order(boolean withProtectedPerson) {
        Map<String, Object> order = new HashMap<>(summary());
        order.put("subject", Map.of("name", "John Example", "crn", "X123456"));
        order.put("conditions", List.of(
                Map.of("conditionId", "c1", "category", "NO_CONTACT", "description", "No contact by any means"),
                Map.of("conditionId", "c2", "category", "PROGRAMME", "description", "Attend a programme",
                        "programme", Map.of("name", "Stalking Perpetrator Programme", "provider", "Demo",
                                "sessions", 12))));
        if (withProtectedPerson) {
            order.put("protectedPersons", List.of(Map.of("protectedPersonId", "pp-1", "name", "Jane Protected",
                    "address", "1 Safe House Lane")));
        }
        return order;
    }

    static Map<String, Object> summary() {
        Map<String, Object> o = new HashMap<>();
        o.put("orderId", ORDER_ID);
        o.put("type", "SPO");
        o.put("status", "SERVED");
        o.put("court", Map.of("name", "Oxford Magistrates Court", "code", "B43KQ"));
        o.put("courtCaseReference", "43KQ1");
        o.put("madeOn", "2026-11-20");
        o.put("servedAt", "2026-11-21T09:00:00Z");
        o.put("endsOn", "2028-11-20");
        o.put("untilFurtherOrder", false);
        o.put("subject", Map.of("displayName", "John Example", "crn", "X123456"));
        o.put("agencies", Map.of("police", Map.of("agencyId", "demo-police", "personId", "demo-oic"),
                "probation", Map.of("agencyId", "demo-probation", "personId", "demo-practitioner")));
        return o;
    }

    static Map<String, Object> session() {
        Map<String, Object> s = new HashMap<>();
        s.put("sessionId", "s1");
        s.put("orderId", ORDER_ID);
        s.put("sequence", 1);
        s.put("start", "2026-11-22T10:00:00Z");
        s.put("status", "SCHEDULED");
        s.put("unrecordedDueAt", "2026-11-23T10:00:00Z");
        s.put("outcomes", List.of());
        return s;
    }

    static Map<String, Object> alert() {
        Map<String, Object> a = new HashMap<>();
        a.put("alertId", ALERT_ID);
        a.put("orderId", ORDER_ID);
        a.put("title", "Breach reported: No contact with the protected person, John Example");
        a.put("priority", "HIGH");
        a.put("raisedAt", "2026-11-21T22:00:05Z");
        a.put("readAt", "2026-11-21T22:05:00Z");
        a.put("escalationLevel", 0);
        a.put("recipient", Map.of("personId", "demo-oic", "agencyId", "demo-police"));
        a.put("fields", Map.of("what", "A breach was reported.", "priority", "HIGH"));
        a.put("deliveries", List.of(Map.of("channel", "EMAIL", "status", "delivered")));
        a.put("traceId", "6b0d49fe52e7b0532a2d9a39faae2c53");
        return a;
    }

    static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B as(
            B request, String role, boolean supervisor) {
        return request.with(oidcLogin().idToken(t -> t.subject("someone").claim("name", "Test " + role)
                .claim("role", role).claim("agency_id", "demo-" + role.toLowerCase())
                .claim("person_id", role.equals("POLICE") ? "demo-oic" : "demo-person")
                .claim("supervisor", supervisor)));
    }

    MvcTestResult get(String path, String role) {
        return mvc.perform(as(MockMvcRequestBuilders.get(path), role, false));
    }

    @Test
    void everyPageOfEachRoleRendersInPlainWords() {
        Map<String, List<String>> pages = Map.of(
                "POLICE", List.of("/orders", "/orders/new", "/orders/" + ORDER_ID, "/orders/" + ORDER_ID + "/service",
                        "/orders/" + ORDER_ID + "/variation", "/orders/" + ORDER_ID + "/renewal",
                        "/orders/" + ORDER_ID + "/discharge", "/orders/" + ORDER_ID + "/notification",
                        "/orders/" + ORDER_ID + "/interim-end", "/orders/" + ORDER_ID + "/breaches/b1/outcome",
                        "/orders/" + ORDER_ID + "/unnotified-change",
                        "/orders/imports/new",
                        "/orders/" + ORDER_ID + "/breaches/new", "/orders/" + ORDER_ID + "/reassignment",
                        "/orders/" + ORDER_ID + "/protected-persons/new",
                        "/orders/" + ORDER_ID + "/protected-persons/pp-1", "/alerts", "/alerts?show=unacknowledged",
                        "/alerts/" + ALERT_ID, "/duty"),
                "PROBATION", List.of("/caseload", "/orders/" + ORDER_ID, "/orders/" + ORDER_ID + "/enforcement", "/orders/" + ORDER_ID + "/attendance",
                        "/orders/" + ORDER_ID + "/sessions/s1/outcome"),
                "ADVOCATE", List.of("/alerts", "/orders/" + ORDER_ID + "/breaches/new", "/alert-settings"),
                "ADMIN", List.of("/reports", "/admin/directory", "/admin/directory/new",
                        "/admin/directory/demo-probation",
                        "/admin/audit?action=READ", "/admin/dead-letters", "/directory-changes"));
        pages.forEach((role, paths) -> paths.forEach(path -> {
            var page = get(path, role);
            assertThat(page).as(role + " " + path).hasStatusOk();
            assertThat(source(page)).as(role + " " + path + ": every link has words")
                    .doesNotContainPattern("<a [^>]*>\\s*</a>");
            assertThat(java.util.Arrays.stream(source(page).split("<form ")).skip(1)
                    .filter(f -> f.startsWith("method=\"post\"")).toList())
                    .as(role + " " + path + ": every form that posts carries its CSRF token")
                    .allSatisfy(f -> assertThat(f.substring(0, f.indexOf("</form>"))).contains("name=\"_csrf\""));
            assertThat(visibleText(page)).as(role + " " + path).contains("Signed in as")
                    .doesNotContain("NO_CONTACT", "PROGRAMME", "SCHEDULED", "SERVED", "HIGH", "delivered", "T10:00");
        }));
    }

    @Test
    void aRefusalAndARedirectionOfAlertsShowInTheAuditLogInPlainWords() {
        var entry = new java.util.HashMap<String, Object>(Map.of("at", "2026-11-29T10:00:00Z", "personId", "kim.reed",
                "role", "POLICE", "agencyId", "other-police", "action", "REFUSE",
                "request", "GET /orders/" + ORDER_ID + " -> 404", "recordIds", List.of()));
        var change = new java.util.HashMap<String, Object>(Map.of("at", "2026-11-29T09:00:00Z", "personId",
                "demo-admin", "role", "ADMIN", "agencyId", "orderwatch-admin", "action", "CHANGE", "request",
                "PUT /directory/agencies/{agencyId}", "resource", "agency", "recordIds", List.of("demo-police"),
                "changes", List.of("person demo-oic email: a@police.example -> b@mail.example")));
        answers.put("ORDER_REGISTRY /admin/audit", Map.of("items", List.of(entry), "total", 1));
        answers.put("NOTIFICATION /admin/audit", Map.of("items", List.of(change), "total", 1));

        String text = visibleText(get("/admin/audit?action=REFUSE", "ADMIN"));

        assertThat(text).contains("Refused", "GET /orders/" + ORDER_ID + " -&gt; 404", "kim.reed")
                .contains("person demo-oic email: a@police.example -&gt; b@mail.example")
                .doesNotContain("null", "REFUSE");
    }

    @Test
    void aDeadLetterShowsWhichEventAboutWhatAndWhyNotItsContent() {
        answers.put("BREACH_REPORT /admin/dead-letters", List.of(Map.of("topic",
                "orderwatch.orders.breach-report.dlq", "partition", 0, "offset", 7, "key", "ord-42",
                "eventType", "order.registered", "eventId", "ev-1", "originalTopic", "orderwatch.orders",
                "originalPartition", 2, "originalOffset", 311, "reason", "schema: $.data.court is missing")));

        String text = visibleText(get("/admin/dead-letters", "ADMIN"));

        assertThat(text).contains("order.registered", "about ord-42", "orderwatch.orders 2/311",
                "schema: $.data.court is missing", "Process again");

        when(api.post(eq(Service.BREACH_REPORT), any(), isNull())).thenThrow(new ApiProblem(Service.BREACH_REPORT,
                409, "Conflict", "the consumer refused it again: schema: $.data.court is missing", List.of()));
        var refused = mvc.perform(as(MockMvcRequestBuilders.post(
                "/admin/dead-letters/BREACH_REPORT/orderwatch.orders.breach-report.dlq/0/7/replay").with(csrf()),
                "ADMIN", false));
        assertThat(visibleText(refused)).contains("There is a problem", "the consumer refused it again");
    }

    static String source(MvcTestResult page) {
        try {
            return page.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a person reads on the page: its text, without the markup and its attributes. */
    static String visibleText(MvcTestResult page) {
        return source(page).replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("<[^>]*>", " ");
    }

    @Test
    void listsNameEachOrderBySubject() {
        assertThat(visibleText(get("/orders", "POLICE"))).contains("John Example", "1 order");
        answers.put("BREACH_REPORT /sessions/due", Map.of("items", List.of(session()), "total", 1));
        assertThat(visibleText(get("/caseload", "PROBATION"))).contains("John Example", "X123456")
                .contains("Sessions today", "22 November 2026 at 10:00am");
        assertThat(source(get("/caseload", "PROBATION"))).containsPattern(
                "Sessions today(?s).*>John Example</a>.*22 November 2026 at 10:00am");
    }

    @Test
    void theOrderPageShowsTheServicesAnswerInPlainWordsWithOneTimeline() {
        assertThat(get("/orders/" + ORDER_ID, "POLICE")).hasStatusOk().bodyText()
                .contains("John Example", "Stalking protection order", "No contact with the protected person",
                        "Jane Protected", "1 Safe House Lane", "Order registered (version 1)",
                        "Breach reported: no contact with the protected person", "20 November 2026",
                        "Alert: Breach reported");
    }

    @Test
    void theOrderPageSaysWhoIsAlertedWhenAUnitHasAllocatedNobodyAndWhenNoAdvocacyServiceIsInvolved() {
        var order = order(true);
        order.put("agencies", Map.of("police", Map.of("agencyId", "demo-police", "personId", "demo-oic"),
                "probation", Map.of("agencyId", "demo-probation")));
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID, order);

        assertThat(get("/orders/" + ORDER_ID, "POLICE")).hasStatusOk().bodyText().contains(
                "Not allocated yet: whoever Demo Probation Delivery Unit has on duty is alerted",
                "No advocacy service is involved: nobody is alerted as the advocate").doesNotContain("null");
    }

    @Test
    void probationSeesNoProtectedPersonBecauseTheServiceSendsNone() {
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID, order(false));
        assertThat(get("/orders/" + ORDER_ID, "PROBATION")).hasStatusOk().bodyText()
                .doesNotContain("Protected people", "Jane Protected").contains("Record the outcome");
    }

    @Test
    void aRecordThatDoesNotExistAndOneThatMayNotBeSeenShowTheSameNotFoundPage() {
        var missing = get("/orders/00000000-0000-4000-8000-000000000000", "POLICE");
        assertThat(missing).hasStatus(404).bodyText().contains("Page not found");
        answers.remove("ORDER_REGISTRY /orders/" + ORDER_ID);
        var hidden = get("/orders/" + ORDER_ID, "POLICE");
        assertThat(hidden).hasStatus(404);
        assertThat(hidden.getResponse().getContentAsByteArray()).isNotEmpty();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/alerts/" + ALERT_ID + "/acknowledgement")
                .param("note", "on it"), "POLICE", false));
        assertThat(result).hasStatus(403);
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void aRefusedFormIsShownAgainWithTheServicesReasonAtItsField() {
        when(api.post(eq(Service.ORDER_REGISTRY), any(), any())).thenThrow(new ApiProblem(Service.ORDER_REGISTRY,
                422, "The request breaks a rule", "endsOn: an SPO lasts at least 2 years",
                List.of(new ApiProblem.FieldError("endsOn", "an SPO lasts at least 2 years"),
                        new ApiProblem.FieldError("subject.name", "must not be blank"))));
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/orders").with(csrf())
                .param("type", "SPO").param("courtName", "Oxford Magistrates Court").param("courtCode", "B43KQ")
                .param("courtCaseReference", "43KQ1").param("subjectName", "John Example").param("personName", "Jane Protected")
                .param("c1Category", "NO_CONTACT").param("c1Description", "No contact").param("madeOnDay", "20").param("madeOnMonth", "11").param("madeOnYear", "2026")
                .param("endsOnDay", "20").param("endsOnMonth", "11").param("endsOnYear", "2027"), "POLICE", false));
        assertThat(result).hasStatusOk().bodyText()
                .contains("<title>Error: Register an order", "There is a problem",
                        "<a href=\"#endsOn\">An SPO lasts at least 2 years.</a>",
                        "<a href=\"#subjectName\">Enter the subject’s full name</a>",
                        "id=\"endsOn-error\"");
    }

    @Test
    void aFormShownAgainKeepsWhatWasTyped() {
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/orders").with(csrf())
                .param("courtName", "Oxford Magistrates Court").param("subjectAliases", "Johnny Example")
                .param("type", "DAPO").param("c1Category", "NO_APPROACH").param("untilFurtherOrder", "true")
                .param("madeOnDay", "20"), "POLICE", false));
        assertThat(source(result)).contains("value=\"Oxford Magistrates Court\"", ">Johnny Example</textarea>",
                "value=\"20\"").containsPattern("value=\"DAPO\"\\s+checked")
                .containsPattern("value=\"NO_APPROACH\"\\s+selected")
                .containsPattern("name=\"untilFurtherOrder\" type=\"checkbox\" value=\"true\"\\s+checked");
    }

    @Test
    void anEmptyRegisterFormAsksForEveryRequiredFieldAtOnceWithoutCallingTheService() {
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/orders").with(csrf()), "POLICE", false));
        assertThat(visibleText(result)).containsSubsequence("There is a problem", "Select the type of order",
                "Enter the name of the court", "Enter the date the order was made", "Enter the subject’s full name",
                "Enter the protected person’s full name", "Register an order");
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void aDateThatIsNotADateIsAskedForAgainWithoutCallingTheService() {
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/service").with(csrf())
                .param("servedDay", "31").param("servedMonth", "2").param("servedYear", "2026")
                .param("servedTime", "25:00"), "POLICE", false));
        assertThat(result).hasStatusOk().bodyText()
                .contains("Date it was served must be a real date", "Time it was served must be a real time, like 14:30");
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void aBreachReportCarriesTheIdempotencyKeyOfItsForm() {
        when(api.post(eq(Service.BREACH_REPORT), any(), any(), anyString())).thenReturn(Map.of("breachId", "b2"));
        var result = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/breaches").with(csrf())
                .param("idempotencyKey", "form-key-1").param("conditionId", "c1").param("occurredDay", "21")
                .param("occurredMonth", "11").param("occurredYear", "2026").param("occurredTime", "21:15")
                .param("description", "Sent six messages"), "ADVOCATE", false));
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/orders/" + ORDER_ID);
        verify(api).post(eq(Service.BREACH_REPORT), any(), any(), eq("form-key-1"));
    }

    @Test
    void anUnplannedSessionIsRecordedAgainstAProgrammeOfTheOrder() {
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/attendance", "PROBATION")))
                .contains("Which requirement was the session for?", "Attend a programme", "Date of the session");
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/sessions/s1/outcome", "PROBATION")))
                .contains("Session 1", "22 November 2026 at 10:00am")
                .doesNotContain("Which requirement was the session for?", "Why you are correcting the outcome");
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/attendance", "PROBATION")))
                .doesNotContain("Why you are correcting the outcome");
        var recorded = session();
        recorded.put("status", "RECORDED");
        recorded.put("currentOutcome", "MISSED");
        answers.put("BREACH_REPORT /orders/" + ORDER_ID + "/sessions", List.of(recorded));
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/sessions/s1/outcome", "PROBATION")))
                .contains("Recorded so far", "Missed", "Why you are correcting the outcome");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExemptOrderSaysWhyNoClockRunsAndAnInterimOrderIsRecordedAsEndedWithoutAFullOrder() {
        var exempt = order(true);
        exempt.put("notificationExemption", "SEXUAL_OFFENCES_ACT_2003_PART_2");
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID, exempt);
        assertThat(visibleText(get("/orders/" + ORDER_ID, "POLICE"))).contains("Notification requirement",
                "already subject to Sexual Offences Act 2003 notification requirements")
                .doesNotContain("Record that it ended without a full order");
        var interim = order(true);
        interim.put("type", "INTERIM_SPO");
        answers.put("ORDER_REGISTRY /orders/" + ORDER_ID, interim);
        assertThat(visibleText(get("/orders/" + ORDER_ID, "POLICE")))
                .contains("Record that it ended without a full order");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.ORDER_REGISTRY), any(), sent.capture())).thenReturn(interim);

        var empty = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/interim-end").with(csrf()),
                "POLICE", false));
        assertThat(visibleText(empty)).contains("Select how the interim order ended", "Enter the date of the decision");
        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/interim-end").with(csrf())
                .param("outcome", "FULL_ORDER_REFUSED").param("decidedOnDay", "15").param("decidedOnMonth", "12")
                .param("decidedOnYear", "2026"), "POLICE", false));

        assertThat(sent.getValue()).isEqualTo(Map.of("outcome", "FULL_ORDER_REFUSED", "decidedOn",
                java.time.LocalDate.of(2026, 12, 15)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeNotifiedBySubjectSaysWhatChangedAndWhenAndKeepsWhatTheyToldThePolice() {
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.BREACH_REPORT), any(), sent.capture())).thenReturn(Map.of());
        var missing = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/notification")
                .with(csrf()).param("kind", "CHANGE").param("notifiedDay", "23").param("notifiedMonth", "11")
                .param("notifiedYear", "2026").param("notifiedTime", "10:00"), "POLICE", false));
        assertThat(visibleText(missing)).contains("Select what changed", "Enter the date of the change");

        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/notification").with(csrf())
                .param("kind", "CHANGE").param("notifiedDay", "23").param("notifiedMonth", "11")
                .param("notifiedYear", "2026").param("notifiedTime", "10:00").param("changedAddress", "true")
                .param("changedOnDay", "21").param("changedOnMonth", "11").param("changedOnYear", "2026")
                .param("notifiedAddress", "5 Moved Road"), "POLICE", false));

        var request = (Map<String, Object>) sent.getValue();
        assertThat(request).containsEntry("changed", List.of("HOME_ADDRESS"))
                .containsEntry("changedOn", java.time.LocalDate.of(2026, 11, 21))
                .containsEntry("notifiedAddress", "5 Moved Road");
    }

    @Test
    void anImportFileIsSentWholeAndEveryProblemOfEveryOrderIsShown() {
        var file = new org.springframework.mock.web.MockMultipartFile("file", "orders.json", "application/json",
                "{\"orders\": [{\"order\": {\"type\": \"SPO\"}}]}".getBytes());
        when(api.post(eq(Service.ORDER_REGISTRY), any(), any(), anyString())).thenThrow(new ApiProblem(
                Service.ORDER_REGISTRY, 422, "The import has problems",
                "2 problem(s) in 1 order(s); nothing was stored",
                List.of(new ApiProblem.FieldError("orders[0].order.madeOn", "must not be null"),
                        new ApiProblem.FieldError("orders[0].order.court", "must not be null"))));

        var refused = mvc.perform(as(MockMvcRequestBuilders.multipart("/orders/imports").file(file)
                .param("idempotencyKey", "k-1").with(csrf()), "POLICE", false));

        assertThat(visibleText(refused)).contains("There is a problem", "nothing was stored", "Problems in the file",
                "orders[0].order.madeOn", "must not be null");
        verify(api).post(eq(Service.ORDER_REGISTRY), any(), eq(Map.of("orders", List.of(Map.of("order",
                Map.of("type", "SPO"))))), eq("k-1"));
        var notJson = new org.springframework.mock.web.MockMultipartFile("file", "orders.csv", "text/csv",
                "a,b".getBytes());
        assertThat(visibleText(mvc.perform(as(MockMvcRequestBuilders.multipart("/orders/imports").file(notJson)
                .with(csrf()), "POLICE", false)))).contains("The file must be a JSON import document");
    }

    @Test
    void aChangeThePoliceLearntOfOpensItsOwnClock() {
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.BREACH_REPORT), any(), sent.capture())).thenReturn(Map.of());

        var done = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/unnotified-change")
                .with(csrf()).param("changedName", "true").param("changedOnDay", "20").param("changedOnMonth", "11")
                .param("changedOnYear", "2026"), "POLICE", false));

        assertThat(done).hasStatus3xxRedirection();
        assertThat(sent.getValue()).isEqualTo(Map.of("changed", List.of("NAME"), "changedOn",
                java.time.LocalDate.of(2026, 11, 20)));
        assertThat(visibleText(mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID
                + "/unnotified-change").with(csrf()), "POLICE", false)))).contains("Select what changed",
                "Enter the date of the change");
    }

    @Test
    void aSupervisorReadsTheReportsAndDownloadsEachAsTheServiceWroteIt() {
        var page = mvc.perform(as(MockMvcRequestBuilders.get("/reports"), "POLICE", true));
        assertThat(visibleText(page)).contains("Counts for your agency only.", "Orders by status", "Force", "Served",
                "Nothing to count yet.", "Download as CSV").doesNotContain("SERVED");
        assertThat(visibleText(get("/orders", "POLICE"))).as("reports are for supervisors").doesNotContain("Reports");
        when(api.csv(eq(Service.NOTIFICATION), any())).thenReturn("agency,priority,alerts\r\ndemo-police,HIGH,7\r\n");

        var csv = mvc.perform(as(MockMvcRequestBuilders.get("/reports/alert-acknowledgements.csv"), "POLICE", true));

        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8").bodyText()
                .isEqualTo("agency,priority,alerts\r\ndemo-police,HIGH,7\r\n");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("alert-acknowledgements.csv");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePractitionerRecordsTheDecisionOnTheOldestReviewStillToDecide() {
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/enforcement", "PROBATION"))).contains(
                "29 November 2026 at 10:00am", "Decide on the review raised 22 November 2026",
                "Final warning", "No warning recorded.");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.BREACH_REPORT), any(), sent.capture())).thenReturn(Map.of());

        var done = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/enforcement/decision")
                .with(csrf()).param("reviewId", "r1").param("decision", "FINAL_WARNING").param("decidedOnDay", "28")
                .param("decidedOnMonth", "11").param("decidedOnYear", "2026"), "PROBATION", false));

        assertThat(done).hasStatus3xxRedirection();
        assertThat(sent.getValue()).isEqualTo(Map.of("decision", "FINAL_WARNING", "decidedOn",
                java.time.LocalDate.of(2026, 11, 28)));
    }

    @Test
    void theOrderPageSaysWhatEnforcementAProgrammeIsHeldToAndWhenADecisionIsDue() {
        assertThat(visibleText(get("/orders/" + ORDER_ID, "PROBATION"))).contains(
                "Enforcement: Stalking Perpetrator Programme",
                "A review at 2 unacceptable absences or behaviour concerns within 365 days",
                "Raised 22 November 2026 at 10:00am for 2 failures. Decision due by 29 November 2026 at 10:00am");
    }

    @Test
    void thePoliceRecordWhatHappenedAfterABreachInWordsAndOnlyNoFurtherActionCarriesAReason() {
        assertThat(visibleText(get("/orders/" + ORDER_ID + "/breaches/b1/outcome", "POLICE")))
                .contains("So far", "The subject was arrested", "Not enough evidence to charge");
        assertThat(visibleText(get("/orders/" + ORDER_ID, "POLICE"))).contains("Breaches reported",
                "Record what happened next");
        assertThat(visibleText(get("/orders/" + ORDER_ID, "ADVOCATE"))).contains("Breaches reported")
                .doesNotContain("Record what happened next");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.BREACH_REPORT), any(), sent.capture())).thenReturn(Map.of());

        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/breaches/b1/outcome").with(csrf())
                .param("step", "CHARGED").param("atDay", "23").param("atMonth", "11").param("atYear", "2026")
                .param("atTime", "16:00").param("reasonableExcuseRaised", "true")
                .param("noFurtherActionReason", "NOT_A_BREACH"), "POLICE", false));

        assertThat(sent.getValue()).isEqualTo(Map.of("step", "CHARGED", "at", "2026-11-23T16:00:00Z",
                "reasonableExcuseRaised", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCaseIsReassignedToSomeoneTheUserMayGiveItTo() {
        var police = visibleText(get("/orders/" + ORDER_ID + "/reassignment", "POLICE"));
        assertThat(police).contains("Officer in charge: DC Lee Park", "Probation practitioner: Chris Doyle",
                        "Probation practitioner: Nia Hughes")
                .as("another force's officers, and the people who have the case now, are not offered")
                .doesNotContain("DC Kim Reed", "Priya Shah");
        var supervisor = visibleText(mvc.perform(as(MockMvcRequestBuilders.get("/orders/" + ORDER_ID
                + "/reassignment"), "PROBATION", true)));
        assertThat(supervisor).contains("Probation practitioner: Chris Doyle")
                .doesNotContain("Nia Hughes", "DC Lee Park");
        assertThat(visibleText(get("/orders/" + ORDER_ID, "PROBATION"))).doesNotContain("Reassign the case");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.ORDER_REGISTRY), any(), sent.capture())).thenReturn(order(true));

        var done = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/reassignment").with(csrf())
                .param("assignee", "PROBATION|north-probation/north-pp"), "POLICE", false));

        assertThat(done).hasStatus3xxRedirection();
        assertThat(sent.getValue()).isEqualTo(Map.of("agencyKind", "PROBATION", "agencyId", "north-probation",
                "personId", "north-pp"));
        var empty = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/reassignment").with(csrf()),
                "POLICE", false));
        assertThat(visibleText(empty)).contains("There is a problem", "Select who takes the case");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProtectedPersonsDetailsAreChangedFromWhatTheyAreNow() {
        assertThat(source(get("/orders/" + ORDER_ID + "/protected-persons/pp-1", "POLICE")))
                .contains("value=\"Jane Protected\"", ">1 Safe House Lane</textarea>");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.put(eq(Service.ORDER_REGISTRY), any(), sent.capture())).thenReturn(order(true));

        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/protected-persons/pp-1").with(csrf())
                .param("name", "Jane Protected").param("address", "9 New Street").param("phone", " "), "POLICE",
                false));

        assertThat(sent.getValue()).isEqualTo(Map.of("name", "Jane Protected", "address", "9 New Street"));
        when(api.post(eq(Service.ORDER_REGISTRY), any(), any())).thenThrow(new ApiProblem(Service.ORDER_REGISTRY,
                400, "Invalid request", "name: must not be blank",
                List.of(new ApiProblem.FieldError("name", "must not be blank"))));
        var refused = mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/protected-persons/new")
                .with(csrf()).param("address", "4 Other Road"), "POLICE", false));
        assertThat(visibleText(refused)).contains("There is a problem", "Enter their full name");
        assertThat(source(refused)).contains(">4 Other Road</textarea>");
        assertThat(source(get("/orders/" + ORDER_ID + "/protected-persons/pp-9", "POLICE")))
                .as("a person the user cannot see").contains("Page not found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVariationSendsTheConditionsAsTheCourtLeftThemOnlyWhenTheyChanged() {
        var page0 = get("/orders/" + ORDER_ID + "/variation", "POLICE");
        assertThat(source(page0))
                .contains("No contact by any means</textarea>", "The court removed this condition");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.ORDER_REGISTRY), any(), sent.capture())).thenReturn(order(true));

        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/variation").with(csrf())
                .param("wording-c1", "No contact by any means, including through third parties")
                .param("wording-c2", "Attend a programme").param("remove-c2", "true")
                .param("c1Category", "SIGN_ON").param("c1Description", "Sign on weekly")
                .param("c1PoliceStation", "Oxford St Aldates").param("reason", "Varied on the police application"),
                "POLICE", false));
        var conditions = (List<Map<String, Object>>) ((Map<String, Object>) sent.getValue()).get("conditions");
        assertThat(conditions).extracting(c -> c.get("conditionId"), c -> c.get("description"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1",
                                "No contact by any means, including through third parties"),
                        org.assertj.core.groups.Tuple.tuple(null, "Sign on weekly"));
        assertThat(conditions.get(1)).containsEntry("category", "SIGN_ON")
                .containsEntry("policeStation", "Oxford St Aldates").containsEntry("supervisingAgencyId", "demo-police");

        mvc.perform(as(MockMvcRequestBuilders.post("/orders/" + ORDER_ID + "/variation").with(csrf())
                .param("wording-c1", "No contact by any means").param("wording-c2", "Attend a programme")
                .param("endsOnDay", "20").param("endsOnMonth", "11").param("endsOnYear", "2030")
                .param("reason", "Extended"), "POLICE", false));
        assertThat((Map<String, Object>) sent.getValue()).doesNotContainKey("conditions")
                .containsEntry("endsOn", java.time.LocalDate.of(2030, 11, 20));
    }

    @Test
    void aTokenTheServicesNoLongerTakeEndsTheSessionAndStartsSignInAgain() {
        answers.put("NOTIFICATION /alerts", new ApiProblem(Service.NOTIFICATION, 401, "Unauthorized", null,
                List.of()));
        var session = sessions.createSession();
        session.setAttribute("signed-in", "yes");
        sessions.save(session);
        var cookie = new jakarta.servlet.http.Cookie("orderwatch-portal", java.util.Base64.getEncoder()
                .encodeToString(session.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        var result = mvc.perform(as(MockMvcRequestBuilders.get("/alerts").cookie(cookie), "ADVOCATE", false));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        assertThat(sessions.findById(session.getId())).as("the stored session").isNull();
        assertThat(result.getResponse().getCookie("orderwatch-portal").getMaxAge()).as("the cookie").isZero();
    }

    @Autowired
    uk.orderwatch.portal.security.MongoSessions sessions;

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorChangesAnAgencyItsPeopleItsSupervisorsAndItsFallback() {
        assertThat(source(get("/admin/directory/demo-probation", "ADMIN"))).contains("value=\"Priya Shah\"",
                "value=\"priya.shah@probation.test\"", "name=\"fallbackPersonId\" type=\"text\" "
                        + "value=\"demo-practitioner\"", "Person 4")
                .containsPattern("id=\"p0.supervisor\" name=\"p0.supervisor\" type=\"checkbox\" value=\"true\"[^>]*"
                        + "checked");
        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.put(eq(Service.NOTIFICATION), any(), sent.capture())).thenReturn(Map.of());
        var saved = mvc.perform(as(MockMvcRequestBuilders.post("/admin/directory").with(csrf())
                .param("existing", "true").param("agencyId", "demo-probation").param("kind", "PROBATION")
                .param("name", "Demo Probation Delivery Unit")
                .param("p0.personId", "demo-practitioner").param("p0.name", "Priya Shah")
                .param("p2.personId", "duty-po").param("p2.name", "Duty probation officer")
                .param("p2.mobile", "07700 900123").param("p2.supervisor", "true")
                .param("fallbackPersonId", " duty-po "),
                "ADMIN", false));
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/admin/directory");
        var body = (Map<String, Object>) sent.getValue();
        assertThat((List<Map<String, Object>>) body.get("people")).extracting(p -> p.get("personId"))
                .containsExactly("demo-practitioner", "duty-po");
        assertThat((List<Map<String, Object>>) body.get("people")).extracting(p -> p.get("supervisor"))
                .containsExactly(false, true);
        assertThat(body).containsEntry("fallbackPersonId", "duty-po").doesNotContainKey("webhook");

        when(api.put(eq(Service.NOTIFICATION), any(), any())).thenThrow(new ApiProblem(Service.NOTIFICATION, 400,
                "The request is not valid", "people[1].mobile: must be a phone number",
                List.of(new ApiProblem.FieldError("people[1].mobile", "must be a phone number"))));
        var refused = mvc.perform(as(MockMvcRequestBuilders.post("/admin/directory").with(csrf())
                .param("existing", "true").param("agencyId", "demo-probation").param("kind", "PROBATION")
                .param("name", "Demo Probation Delivery Unit").param("p0.personId", "demo-practitioner")
                .param("p0.name", "Priya Shah").param("p2.personId", "duty-po").param("p2.name", "Duty")
                .param("p2.mobile", "call me").param("rows", "4").param("fallbackPersonId", "duty-po"), "ADMIN",
                false));
        assertThat(source(refused)).contains("<a href=\"#p2.mobile\">Must be a phone number.</a>",
                "value=\"call me\"", "Person 4").doesNotContain("Person 5");

        var noSecret = mvc.perform(as(MockMvcRequestBuilders.post("/admin/directory").with(csrf())
                .param("agencyId", "new-agency").param("kind", "ADVOCACY").param("name", "New")
                .param("webhookUrl", "https://new.test/hooks"), "ADMIN", false));
        assertThat(visibleText(noSecret)).contains("Enter the webhook’s secret",
                "Enter the person id of the agency’s 24/7 fallback");
    }

    @Test
    void aChangeOfWhereAlertsGoWaitsOnContactChangesForTheSecondPersonToDecide() {
        when(api.put(eq(Service.NOTIFICATION), any(), any())).thenReturn(Map.of("changeId", "ch-1",
                "status", "PENDING"));
        var proposed = mvc.perform(as(MockMvcRequestBuilders.post("/admin/directory").with(csrf())
                .param("existing", "true").param("agencyId", "demo-probation").param("kind", "PROBATION")
                .param("name", "Demo Probation Delivery Unit").param("p0.personId", "demo-practitioner")
                .param("p0.name", "Priya Shah").param("p0.email", "elsewhere@mail.test")
                .param("fallbackPersonId", "demo-practitioner"), "ADMIN", false));
        assertThat(proposed).hasStatus3xxRedirection().hasRedirectedUrl("/directory-changes");
        assertThat(proposed).flash().containsKey("success");
        assertThat(String.valueOf(proposed.getMvcResult().getFlashMap().get("success")))
                .contains("waits for a second person");

        answers.put("NOTIFICATION /directory/changes", List.of(Map.of("changeId", "ch-1", "agencyId",
                "demo-probation", "status", "PENDING", "proposedBy", Map.of("personId", "demo-admin", "agencyId",
                        "orderwatch-admin"), "proposedAt", "2026-11-29T10:00:00Z", "differences",
                List.of("person demo-practitioner email: priya.shah@probation.test -> elsewhere@mail.test"))));
        var page = mvc.perform(as(MockMvcRequestBuilders.get("/directory-changes"), "PROBATION", true));
        assertThat(visibleText(page)).contains("Agency demo-probation", "demo-admin", "29 November 2026",
                "person demo-practitioner email: priya.shah@probation.test -&gt; elsewhere@mail.test", "Approve",
                "Reject");
        assertThat(source(page)).contains("action=\"/directory-changes/ch-1/approval\"");

        when(api.post(eq(Service.NOTIFICATION), any(), isNull())).thenThrow(new ApiProblem(Service.NOTIFICATION,
                409, "Conflict", "You proposed this change, so someone else must approve it: another administrator "
                + "or a supervisor of the agency.", List.of()));
        var refused = mvc.perform(as(MockMvcRequestBuilders.post("/directory-changes/ch-1/approval").with(csrf()),
                "ADMIN", false));
        assertThat(visibleText(refused)).contains("You proposed this change, so someone else must approve it");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonChoosesTheirChannelsWaitsAndQuietHoursAndIsToldWhatTheServiceRefused() {
        var page = get("/alert-settings", "ADVOCATE");
        assertThat(visibleText(page)).contains("The directory has for you: no email; no mobile number; no system "
                + "of your agency’s.");
        assertThat(source(page)).containsPattern("<option value=\"SMS\" selected=\"selected\">Text message</option>")
                .contains("name=\"HIGH.1.after\" type=\"text\" value=\"5\"", "value=\"22:00\"", "value=\"07:00\"");

        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.put(eq(Service.NOTIFICATION), any(), sent.capture())).thenReturn(Map.of());
        var saved = mvc.perform(as(MockMvcRequestBuilders.post("/alert-settings").with(csrf())
                .param("HIGH.0.channel", "SMS").param("HIGH.0.after", "0")
                .param("HIGH.1.channel", "EMAIL").param("HIGH.1.after", " 2 ")
                .param("MEDIUM.0.channel", "EMAIL").param("LOW.0.channel", "")
                .param("quietFrom", "22:30").param("quietTo", "06:30"), "ADVOCATE", false));
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/alert-settings");
        var body = (Map<String, Object>) sent.getValue();
        assertThat((Map<String, Object>) body.get("byPriority")).containsEntry("HIGH", List.of(
                Map.of("channel", "SMS", "afterMinutes", 0), Map.of("channel", "EMAIL", "afterMinutes", 2)))
                .containsEntry("MEDIUM", List.of(Map.of("channel", "EMAIL", "afterMinutes", 0)))
                .containsEntry("LOW", List.of());
        assertThat(body).containsEntry("quietHours", Map.of("from", "22:30", "to", "06:30"));

        var halfQuiet = mvc.perform(as(MockMvcRequestBuilders.post("/alert-settings").with(csrf())
                .param("HIGH.0.channel", "SMS").param("quietFrom", "22:30"), "ADVOCATE", false));
        assertThat(visibleText(halfQuiet)).contains("Enter when quiet hours start and when they end, or neither");

        when(api.put(eq(Service.NOTIFICATION), any(), any())).thenThrow(new ApiProblem(Service.NOTIFICATION, 422,
                "The request breaks a rule", "byPriority.HIGH: none of these channels can reach you",
                List.of(new ApiProblem.FieldError("byPriority.HIGH", "none of these channels can reach you"))));
        var refused = mvc.perform(as(MockMvcRequestBuilders.post("/alert-settings").with(csrf())
                .param("HIGH.0.channel", "SMS"), "ADVOCATE", false));
        assertThat(source(refused)).contains("<a href=\"#HIGH.0.channel\">None of these channels can reach you.</a>");
    }

    @Test
    void theDutyPageSaysWhoIsOnNowAndWhereAnAlertNobodyTakesOnGoes() {
        assertThat(visibleText(get("/duty", "POLICE")).replaceAll("\\s+", " ")).contains("Duty sergeants",
                "On duty now DC Lee Park, Detective constable",
                "days: DC Lee Park, Detective constable in turns of 24 hours, Mon, Tue 08:00 to 20:00",
                "Alerts for cases your agency has allocated to nobody yet",
                "the person the alert was raised for, who has 240 minutes to acknowledge",
                "whoever is on duty on Duty sergeants, who has 60 minutes to acknowledge",
                "the 24/7 fallback, DC Lee Park, who has 60 minutes to acknowledge",
                "then all of it again, 1 more time");
    }

    @Test
    void nobodySignedInIsSentToSignIn() {
        assertThat(mvc.get().uri("/orders")).hasStatus3xxRedirection()
                .redirectedUrl().endsWith("/oauth2/authorization/orderwatch");
    }

    @Test
    void onlyTheRecipientIsOfferedAcknowledgementSomeoneElseIsToldWhoHasIt() {
        assertThat(visibleText(get("/alerts/" + ALERT_ID, "PROBATION"))).contains("demo-oic has not acknowledged")
                .doesNotContain("Acknowledge the alert", "Act for your team");
    }

    /** The duty inspector of the recipient's force. */
    static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B
            asInspector(B request) {
        return request.with(oidcLogin().idToken(t -> t.subject("inspector").claim("name", "Insp. Test")
                .claim("role", "POLICE").claim("agency_id", "demo-police").claim("person_id", "demo-inspector")
                .claim("supervisor", true)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorAcknowledgesOnTheRecipientsBehalfTakesItOverOrHandsItToAColleague() {
        var page = mvc.perform(asInspector(MockMvcRequestBuilders.get("/alerts/" + ALERT_ID)));
        assertThat(visibleText(page)).contains("Act for your team", "They are dealing with it: acknowledge on their "
                + "behalf", "I am taking it over", "Or hand it to a colleague", "DC Lee Park, Detective constable");
        verify(api, never()).post(eq(Service.NOTIFICATION), any(), isNull());

        var sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        when(api.post(eq(Service.NOTIFICATION), any(), sent.capture())).thenReturn(alert());
        var unchosen = mvc.perform(asInspector(MockMvcRequestBuilders.post("/alerts/" + ALERT_ID + "/acknowledgement")
                .with(csrf()).param("acting", "true").param("note", "rang in")));
        assertThat(visibleText(unchosen)).contains("Select whether they are dealing with it or you are taking it "
                + "over");
        var takeOver = mvc.perform(asInspector(MockMvcRequestBuilders.post("/alerts/" + ALERT_ID
                + "/acknowledgement").with(csrf()).param("acting", "true").param("as", "TAKING_OVER")));
        assertThat(takeOver).hasStatus3xxRedirection().flash().containsEntry("success",
                "You have taken this alert over. Its escalation has stopped.");
        assertThat((Map<String, Object>) sent.getValue()).containsEntry("as", "TAKING_OVER");
        var handed = mvc.perform(asInspector(MockMvcRequestBuilders.post("/alerts/" + ALERT_ID + "/reassignment")
                .with(csrf()).param("personId", "demo-oic-2")));
        assertThat(handed).hasStatus3xxRedirection();
        assertThat((Map<String, Object>) sent.getValue()).containsExactly(Map.entry("personId", "demo-oic-2"));
        var noOne = mvc.perform(asInspector(MockMvcRequestBuilders.post("/alerts/" + ALERT_ID + "/reassignment")
                .with(csrf())));
        assertThat(visibleText(noOne)).contains("Select the colleague to hand the alert to");
    }

    @Test
    void theAlertPageOffersAcknowledgementUntilDone() {
        assertThat(get("/alerts/" + ALERT_ID, "POLICE")).hasStatusOk().bodyText()
                .contains("Acknowledge the alert", "What happened", "Email: Delivered")
                .contains("service desk this reference", ">6b0d49fe52e7b0532a2d9a39faae2c53<");
        verify(api, never()).post(eq(Service.NOTIFICATION), any(), isNull());
    }
}
