package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import uk.orderwatch.client.breachreport.api.BreachesApi;
import uk.orderwatch.client.breachreport.api.SessionsApi;
import uk.orderwatch.client.breachreport.model.Attendance;
import uk.orderwatch.client.breachreport.model.RecordAttendanceRequest;
import uk.orderwatch.client.breachreport.model.ReportBreachRequest;
import uk.orderwatch.client.notification.api.AlertsApi;
import uk.orderwatch.client.notification.model.AcknowledgeAlertRequest;
import uk.orderwatch.client.notification.model.AlertView;
import uk.orderwatch.client.registry.api.OrdersApi;
import uk.orderwatch.client.registry.model.AgenciesDto;
import uk.orderwatch.client.registry.model.AssignmentDto;
import uk.orderwatch.client.registry.model.ConditionCategory;
import uk.orderwatch.client.registry.model.ConditionDto;
import uk.orderwatch.client.registry.model.CourtDto;
import uk.orderwatch.client.registry.model.OrderStatus;
import uk.orderwatch.client.registry.model.OrderType;
import uk.orderwatch.client.registry.model.OrderView;
import uk.orderwatch.client.registry.model.ProgrammeDto;
import uk.orderwatch.client.registry.model.ProtectedPersonDto;
import uk.orderwatch.client.registry.model.RegisterOrderRequest;
import uk.orderwatch.client.registry.model.ServeOrderRequest;
import uk.orderwatch.client.registry.model.SubjectDto;
import uk.orderwatch.localstack.ServiceName;

/**
 * The README scenario as an agency's system would run it: through Java clients generated at build time from the
 * committed API documents (openapi-generator, issue 19), each with its user's token, and nothing else. A document
 * that is not true to the wire fails here: a request the generated model cannot express, an answer it cannot read.
 */
final class GeneratedClientScenario {

    private final StackClient stack;

    GeneratedClientScenario(StackClient stack) {
        this.stack = stack;
    }

    void run() throws Exception {
        LocalDate madeOn = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        OrderView order = orders(StackClient.OIC).registerOrder(new RegisterOrderRequest()
                .type(OrderType.SPO)
                .court(new CourtDto().name("Oxford Magistrates' Court").code("B43KQ"))
                .courtCaseReference("GEN-" + UUID.randomUUID()).madeOn(madeOn).endsOn(madeOn.plusYears(2))
                .untilFurtherOrder(false)
                .subject(new SubjectDto().name("John Example").dateOfBirth(LocalDate.of(1985, 3, 2))
                        .homeAddress("12 Subject Street, Oxford").pncId("2019/0123456X").crn("X123456"))
                .addProtectedPersonsItem(new ProtectedPersonDto().name("Jane Protected")
                        .address("1 Safe House Lane").phone("07700900999").advocatePersonId("demo-caseworker"))
                .addConditionsItem(new ConditionDto().category(ConditionCategory.NO_CONTACT)
                        .description("Not to contact the protected person by any means"))
                .addConditionsItem(new ConditionDto().category(ConditionCategory.PROGRAMME)
                        .description("Attend a stalking perpetrator programme").supervisingAgencyId("demo-probation")
                        .programme(new ProgrammeDto().name("Stalking Perpetrator Programme")
                                .provider("Demo Interventions").sessions(12)))
                .agencies(new AgenciesDto()
                        .police(new AssignmentDto().agencyId("demo-police").personId("demo-oic"))
                        .probation(new AssignmentDto().agencyId("demo-probation").personId("demo-practitioner"))
                        .advocacy(new AssignmentDto().agencyId("demo-advocacy").personId("demo-caseworker"))),
                key());
        String orderId = order.getOrderId();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.GRANTED);
        assertThat(order.getConditions()).extracting(c -> c.getConditionId()).containsExactly("c1", "c2");

        OrderView served = orders(StackClient.OIC).serveOrder(orderId,
                new ServeOrderRequest().servedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)), key());
        assertThat(served.getStatus()).isEqualTo(OrderStatus.SERVED);

        // breach-report learns of the order from its event and answers 404 order-not-known until then (ADR 12): the
        // client tries again with the same key, which a refused request left free
        String breachKey = key();
        var breach = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(e -> e instanceof uk.orderwatch.client.breachreport.ApiException a
                        && a.getCode() == 404)
                .until(() -> breaches(StackClient.CASEWORKER).reportBreach(orderId, new ReportBreachRequest()
                        .conditionId("c1").occurredAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))
                        .description("Waited outside her workplace").location("Her workplace"), breachKey),
                        b -> b != null);
        assertThat(breach.getBreachId()).isNotBlank();
        var session = sessions(StackClient.PRACTITIONER).recordAttendance(orderId, new RecordAttendanceRequest()
                .conditionId("c2").sessionStart(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2))
                .attended(Attendance.NO), key());
        assertThat(session.getSessionId()).isNotBlank();

        // the police, probation and the advocate each have an alert of the breach and of the missed session
        for (String user : List.of(StackClient.OIC, StackClient.PRACTITIONER, StackClient.CASEWORKER)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(alerts(user, orderId, null)).extracting(AlertView::getSourceEventType).as(user)
                            .contains("breach.reported", "session.missed"));
        }
        AlertView breachAlert = alerts(StackClient.OIC, orderId, null).stream()
                .filter(a -> a.getSourceEventType().equals("breach.reported")).findFirst().orElseThrow();
        assertThat(breachAlert.getRecipient().getPersonId()).isEqualTo("demo-oic");
        assertThat(breachAlert.getAcknowledgement()).as("not acknowledged yet: left out, read as no value").isNull();

        AlertView acknowledged = alertsApi(StackClient.OIC).acknowledgeAlert(breachAlert.getAlertId(),
                new AcknowledgeAlertRequest().note("Arrest planned"), key());
        assertThat(acknowledged.getAcknowledgement()).isNotNull();
        assertThat(acknowledged.getAcknowledgement().getPersonId()).isEqualTo("demo-oic");
        assertThat(alerts(StackClient.OIC, orderId, true)).extracting(AlertView::getSourceEventType)
                .containsExactly("session.missed");

        // a refusal reaches the client as the documented problem
        var refused = catchThrowableOfType(uk.orderwatch.client.registry.ApiException.class, () ->
                orders(StackClient.CASEWORKER).serveOrder(orderId, new ServeOrderRequest()
                        .servedAt(OffsetDateTime.now(ZoneOffset.UTC)), key()));
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getResponseBody()).contains("urn:orderwatch:problem:");
    }

    private List<AlertView> alerts(String user, String orderId, Boolean unacknowledged) throws Exception {
        return alertsApi(user).listAlerts(null, null, orderId, null, null, unacknowledged, 0, 100).getItems();
    }

    private OrdersApi orders(String user) {
        var client = new uk.orderwatch.client.registry.ApiClient();
        client.updateBaseUri(stack.baseUrl(ServiceName.ORDER_REGISTRY));
        client.setRequestInterceptor(bearer(user));
        return new OrdersApi(client);
    }

    private BreachesApi breaches(String user) {
        return new BreachesApi(breachReport(user));
    }

    private SessionsApi sessions(String user) {
        return new SessionsApi(breachReport(user));
    }

    private uk.orderwatch.client.breachreport.ApiClient breachReport(String user) {
        var client = new uk.orderwatch.client.breachreport.ApiClient();
        client.updateBaseUri(stack.baseUrl(ServiceName.BREACH_REPORT));
        client.setRequestInterceptor(bearer(user));
        return client;
    }

    private AlertsApi alertsApi(String user) {
        var client = new uk.orderwatch.client.notification.ApiClient();
        client.updateBaseUri(stack.baseUrl(ServiceName.NOTIFICATION));
        client.setRequestInterceptor(bearer(user));
        return new AlertsApi(client);
    }

    private Consumer<HttpRequest.Builder> bearer(String user) {
        String token = stack.token(user);
        return request -> request.header("Authorization", "Bearer " + token);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
