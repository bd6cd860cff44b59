package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.orderwatch.notification.alerts.Escalations;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.notification.duty.DutyService;
import uk.orderwatch.notification.duty.Rota;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TestTokens;
import uk.orderwatch.testsupport.TopicReader;

/**
 * Rotas and escalation policies through the API and along an alert's life: a policy with a dead end is refused, an
 * unacknowledged alert walks the steps to whoever is on duty (a cover included) and stops when they acknowledge, an
 * exhausted policy raises {@code alert.failed} and tells the fallback and the supervisors, a role with nobody
 * assigned goes to whoever is on duty. The timers are driven by hand with the test clock. Its people have the inbox
 * only (no mail server here), so no alert escalates for want of delivery.
 */
class DutyIT extends ServiceIT {

    @DynamicPropertySource
    static void timers(DynamicPropertyRegistry registry) {
        registry.add("orderwatch.timers.interval", () -> "1h");
    }

    @Autowired
    Escalations escalations;
    @Autowired
    DutyService duty;
    @Autowired
    DirectoryService directory;

    String police;

    @BeforeEach
    void recordTheForce() {
        police = "duty-" + UUID.randomUUID().toString().substring(0, 8);
        var response = put("/directory/agencies/" + police, """
                {"kind":"POLICE","name":"Duty Constabulary","people":[
                  {"personId":"oic","name":"DC Oic"},
                  {"personId":"sgt-1","name":"Sgt One"},
                  {"personId":"sgt-2","name":"Sgt Two"},
                  {"personId":"sgt-3","name":"Sgt Three"},
                  {"personId":"insp","name":"Insp. Super","supervisor":true},
                  {"personId":"control","name":"Force control room","mobile":"07700900999"}],
                 "fallbackPersonId":"control"}
                """, TestTokens.admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    String supervisor() {
        return TestTokens.token("POLICE", police, "insp", true);
    }

    Response putDuty(String path, String body) {
        return put("/directory/agencies/" + police + "/duty" + path, body, supervisor());
    }

    static String rota(String name, String hours, String... members) {
        return """
                {"name":"%s","layers":[{"name":"%s","members":["%s"],"handoverAt":"2026-01-05T08:00:00",
                 "turnHours":24,"hours":%s}]}
                """.formatted(name, name, String.join("\",\"", members), hours);
    }

    static final String OFFICE_HOURS = """
            [{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"from":"08:00","to":"18:00"}]""";

    static final String POLICY = """
            {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
              {"who":"ON_DUTY","rotaId":"sergeants","waitMinutes":5},{"who":"FALLBACK","waitMinutes":5}],"repeat":0}}
            """;

    /** The next {@code day} at {@code time} in England and Wales after now, as the test clock's time. */
    static Instant next(DayOfWeek day, int hour) {
        return ZonedDateTime.now(Rota.ZONE).with(TemporalAdjusters.next(day)).with(LocalTime.of(hour, 0))
                .toInstant();
    }

    @Test
    void aPolicyOrRotaThatWouldLeaveHoursWithNobodyToReachIsRefusedNamingThem() {
        assertThat(putDuty("/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "sgt-1", "sgt-2")).statusCode())
                .isEqualTo(200);

        var endsAtOfficeHours = putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"ON_DUTY","rotaId":"sergeants","waitMinutes":5}],"repeat":0}}
                """);
        var endsAtOnePerson = putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"PERSON","personId":"insp","waitMinutes":5}],"repeat":0}}
                """);
        var startsElsewhere = putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"FALLBACK","waitMinutes":10}],"repeat":0}}
                """);
        var aStranger = putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"PERSON","personId":"nobody","waitMinutes":5},{"who":"FALLBACK","waitMinutes":5}]}}
                """);

        assertProblem(endsAtOfficeHours, 422, "policy-reaches-someone", "policy.steps[1]");
        assertThat(endsAtOfficeHours.json().get("detail").asString()).contains("Mon 18:00 to Tue 08:00",
                "Fri 18:00 to Mon 08:00");
        assertProblem(endsAtOnePerson, 422, "policy-reaches-someone", "policy.steps[1]");
        assertProblem(startsElsewhere, 422, "policy-starts-with-assigned", "policy.steps[0].who");
        assertProblem(aStranger, 422, "agency-person", "policy.steps[1].personId");
        assertThat(duty.of(police).policy()).as("nothing recorded").isNull();

        assertThat(putDuty("/rotas/always", rota("Round the clock", "[]", "sgt-3")).statusCode()).isEqualTo(200);
        assertThat(putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"ON_DUTY","rotaId":"always","waitMinutes":5}],"repeat":0}}
                """).statusCode()).isEqualTo(200);
        var recorded = get("/directory/agencies/" + police + "/duty", supervisor()).json();
        assertThat(recorded.get("policy").get("steps").get(1).get("waitMinutes").asInt()).isEqualTo(5);
        assertThat(putDuty("/escalation-policy", JSON.createObjectNode().set("policy", recorded.get("policy"))
                .toString()).statusCode()).as("what is read back is what is sent").isEqualTo(200);
        var gapInTheLastRota = putDuty("/rotas/always", rota("Round the clock", OFFICE_HOURS, "sgt-3"));
        var removeTheLastRota = call(org.springframework.http.HttpMethod.DELETE, "/directory/agencies/" + police
                + "/duty/rotas/always", supervisor(), null);

        assertProblem(gapInTheLastRota, 422, "policy-reaches-someone", "layers");
        assertThat(gapInTheLastRota.json().get("detail").asString()).contains("Fri 18:00 to Mon 08:00");
        assertProblem(removeTheLastRota, 422, "rota-in-use", "rotaId");
        assertThat(duty.of(police).rota("always").orElseThrow().uncoveredHours()).isEmpty();
    }

    @Test
    void onlyTheAgencysSupervisorsChangeItsDutyItsStaffReadItAndOtherAgenciesSeeNothing() {
        String body = rota("Sergeants", OFFICE_HOURS, "sgt-1");
        String path = "/directory/agencies/" + police + "/duty";

        assertThat(put(path + "/rotas/sergeants", body, TestTokens.token("POLICE", police, "oic")).statusCode())
                .isEqualTo(403);
        assertThat(put(path + "/rotas/sergeants", body, TestTokens.token("POLICE", "another-force", "x", true))
                .statusCode()).isEqualTo(404);
        assertThat(put(path + "/rotas/sergeants", body, supervisor()).statusCode()).isEqualTo(200);
        assertThat(get(path, TestTokens.token("POLICE", police, "oic")).json().get("rotas").has("sergeants"))
                .isTrue();
        assertThat(get(path, TestTokens.token("PROBATION", "a-pdu", "pp")).statusCode()).isEqualTo(404);
        assertProblem(put(path + "/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "not-ours"), supervisor()),
                422, "agency-person", "layers[0].members[0]");
    }

    @Test
    void anUnacknowledgedBreachWalksThePolicyToTheSergeantCoveringTheTurnAndStopsWhenTheyAcknowledge()
            throws Exception {
        assertThat(putDuty("/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "sgt-1", "sgt-2")).statusCode())
                .isEqualTo(200);
        assertThat(putDuty("/escalation-policy", POLICY).statusCode()).isEqualTo(200);
        Instant tuesdayMorning = next(DayOfWeek.TUESDAY, 10);
        clock.set(tuesdayMorning);
        String onTurn = get("/directory/agencies/" + police + "/duty/rotas/sergeants/on-duty", supervisor()).json()
                .get("personId").asString();
        var cover = post("/directory/agencies/" + police + "/duty/rotas/sergeants/covers", JSON.writeValueAsString(
                Map.of("personId", "sgt-3", "replaces", onTurn, "from", tuesdayMorning.minus(Duration.ofHours(2))
                        .toString(), "to", tuesdayMorning.plus(Duration.ofHours(8)).toString(), "reason",
                        "SICKNESS")), supervisor());
        assertThat(cover.statusCode()).as(cover.body()).isEqualTo(201);

        String orderId = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        var first = alertOf(orderId, "oic");
        assertThat(Instant.parse(first.get("acknowledgeBy").asString())).isEqualTo(tuesdayMorning.plus(
                Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(11));
        escalations.escalateOverdue();
        var covering = alertOf(orderId, "sgt-3");
        assertThat(covering.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(covering.get("recipient").get("role").asString()).isEqualTo("ESCALATION_CONTACT");
        assertThat(Instant.parse(covering.get("acknowledgeBy").asString())).isEqualTo(clock.instant().plus(
                Duration.ofMinutes(5)));
        var ack = post("/alerts/" + covering.get("alertId").asString() + "/acknowledgements",
                "{\"note\":\"Sending a unit\"}", TestTokens.token("POLICE", police, "sgt-3"));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(30));
        escalations.escalateOverdue();

        assertThat(alertsOf(orderId)).as("acknowledged: the fallback is not woken").extracting(a -> a.get(
                "recipient").get("personId").asString()).containsExactlyInAnyOrder("oic", "sgt-3");
        assertThat(AlertTopic.eventTypes(first.get("alertId").asString(), 2)).containsExactly("alert.raised",
                "alert.escalated");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recordIds")
                        .is(first.get("alertId").asString()).and("action").is("CHANGE")),
                uk.orderwatch.support.audit.AuditEntry.class)).as("the step is audited").isEqualTo(1);
    }

    @Test
    void aGroupStepAlertsEachOfItsPeopleAndTheFirstToAcknowledgeStopsTheWalk() throws Exception {
        var policy = putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"GROUP","personIds":["sgt-1","sgt-2"],"waitMinutes":5},{"who":"FALLBACK","waitMinutes":5}]}}
                """);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        assertProblem(putDuty("/escalation-policy", """
                {"policy":{"steps":[{"who":"ASSIGNED","waitMinutes":10},
                  {"who":"GROUP","personIds":["sgt-1"],"waitMinutes":5},{"who":"FALLBACK","waitMinutes":5}]}}
                """), 400, "invalid-request", "policy.steps[1].personIds");
        clock.set(next(DayOfWeek.THURSDAY, 4));
        String orderId = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        String firstId = alertOf(orderId, "oic").get("alertId").asString();

        clock.advance(Duration.ofMinutes(11));
        escalations.escalateOverdue();
        var one = alertOf(orderId, "sgt-1");
        var two = alertOf(orderId, "sgt-2");
        assertThat(List.of(one, two)).allSatisfy(a -> assertThat(a.get("escalationLevel").asInt()).isEqualTo(1));
        assertThat(post("/alerts/" + two.get("alertId").asString() + "/acknowledgements", "{}",
                TestTokens.token("POLICE", police, "sgt-2")).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(10));
        escalations.escalateOverdue();

        assertThat(alertsOf(orderId)).as("acknowledged by one of the group: the fallback is not woken")
                .extracting(a -> a.get("recipient").get("personId").asString())
                .containsExactlyInAnyOrder("oic", "sgt-1", "sgt-2");
        assertThat(AlertTopic.eventTypes(firstId, 3)).containsExactly("alert.raised", "alert.escalated",
                "alert.escalated");
    }

    @Test
    void atNightTheOfficeRotaIsPassedOverAndWhenNobodyAnswersTheFallbackAndSupervisorsAreToldLoudly()
            throws Exception {
        assertThat(putDuty("/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "sgt-1", "sgt-2")).statusCode())
                .isEqualTo(200);
        var policy = putDuty("/escalation-policy", POLICY);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        clock.set(next(DayOfWeek.TUESDAY, 2));
        String orderId = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        String firstId = alertOf(orderId, "oic").get("alertId").asString();

        clock.advance(Duration.ofMinutes(11));
        escalations.escalateOverdue();
        var control = alertOf(orderId, "control");
        assertThat(control.get("escalationLevel").asInt()).as("the sergeants' step passed over").isEqualTo(2);
        clock.advance(Duration.ofMinutes(6));
        escalations.escalateOverdue();
        escalations.escalateOverdue();

        var told = alertOf(orderId, "insp");
        assertThat(told.get("priority").asString()).isEqualTo("HIGH");
        assertThat(told.get("title").asString()).startsWith("Nobody took this on: ");
        assertThat(told.has("acknowledgeBy")).as("nothing beyond").isFalse();
        assertThat(alertsOf(orderId)).as("oic, control, the supervisor; control is not told twice")
                .extracting(a -> a.get("recipient").get("personId").asString())
                .containsExactlyInAnyOrder("oic", "control", "insp");
        String controlId = control.get("alertId").asString();
        assertThat(AlertTopic.eventTypes(controlId, 2)).containsExactly("alert.raised", "alert.failed");
        var failed = TopicReader.eachEventOnce(TopicReader.readToEnd(BOOTSTRAP, Topics.ALERTS,
                Duration.ofSeconds(5))).stream().filter(r -> r.value().contains("\"alertId\":\"" + controlId)
                && r.headers().get("ce_type").equals("alert.failed")).toList();
        assertThat(failed).singleElement().satisfies(r -> assertThat(r.value()).contains(
                "\"reason\":\"policy-exhausted\""));
        assertThat(AlertTopic.eventTypes(firstId, 2)).containsExactly("alert.raised", "alert.escalated");
    }

    @Test
    void aRoleTheOrderAssignsNobodyToGoesToWhoeverIsOnDutyForThatAgencyOnceAcrossAHandover() throws Exception {
        String pdu = police + "-pdu";
        assertThat(put("/directory/agencies/" + pdu, """
                {"kind":"PROBATION","name":"Duty PDU","people":[
                  {"personId":"day-po","name":"Day PO"},
                  {"personId":"night-po","name":"Night PO"},
                  {"personId":"spo","name":"SPO","mobile":"07700900998","supervisor":true}],
                 "fallbackPersonId":"spo"}
                """, TestTokens.admin()).statusCode()).isEqualTo(201);
        String pduSupervisor = TestTokens.token("PROBATION", pdu, "spo", true);
        assertThat(put("/directory/agencies/" + pdu + "/duty/rotas/duty-officers", """
                {"name":"Duty officers","layers":[
                  {"name":"day","members":["day-po"],"handoverAt":"2026-01-05T08:00:00","turnHours":24,
                   "hours":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                             "from":"08:00","to":"20:00"}]},
                  {"name":"night","members":["night-po"],"handoverAt":"2026-01-05T20:00:00","turnHours":24}]}
                """, pduSupervisor).statusCode()).isEqualTo(200);
        assertThat(put("/directory/agencies/" + pdu + "/duty/escalation-policy", """
                {"unassignedRotaId":"duty-officers","policy":{"steps":[{"who":"ASSIGNED","waitMinutes":240},
                  {"who":"FALLBACK","waitMinutes":30}],"repeat":0}}
                """, pduSupervisor).statusCode()).isEqualTo(200);
        // the officer's wait outlasts the two hours the clock moves on: the escalation timer cannot add an alert
        clock.set(next(DayOfWeek.SATURDAY, 19));

        String orderId = UUID.randomUUID().toString();
        var event = breachEvent(orderId, new AgencyAssignments(new Assignment(police, "oic"),
                new Assignment(pdu, null), null));
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, CODEC.write(event));
        var onDuty = alertOf(orderId, "day-po", pduSupervisor);
        clock.advance(Duration.ofHours(2)); // the night officer's hours now
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, CODEC.write(event));
        breach(orderId, new AgencyAssignments(new Assignment(police, "oic"), new Assignment(pdu, null), null));

        assertThat(onDuty.get("recipient").get("role").asString()).isEqualTo("PROBATION_PRACTITIONER");
        assertThat(mongo.findById(onDuty.get("alertId").asString(),
                uk.orderwatch.notification.alerts.AlertDocument.class).body()).as("what the email says")
                .startsWith("The order names no probation practitioner: you have "
                + "this alert as the person on duty.");
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(orderId, pduSupervisor).size() == 2);
        assertThat(alertsOf(orderId, pduSupervisor)).as("the redelivery raised nothing; the later breach went to "
                + "the night officer").extracting(a -> a.get("recipient").get("personId").asString())
                .containsExactlyInAnyOrder("day-po", "night-po");
    }

    @Test
    void aSupervisorAcknowledgesOnBehalfTakesOverOrHandsAnAlertToAColleagueEachRecordedAsSuch() throws Exception {
        clock.set(next(DayOfWeek.WEDNESDAY, 3));
        String onBehalf = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        String takenOver = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        String handed = breach(new AgencyAssignments(new Assignment(police, "oic"), null, null));
        String officer = TestTokens.token("POLICE", police, "oic");
        String first = alertOf(onBehalf, "oic").get("alertId").asString();
        String second = alertOf(takenOver, "oic").get("alertId").asString();
        String third = alertOf(handed, "oic").get("alertId").asString();

        var notTheirs = post("/alerts/" + first + "/acknowledgements", "{}", supervisor());
        var notASupervisor = post("/alerts/" + first + "/acknowledgements", "{\"as\":\"ON_BEHALF\"}", officer);
        var byTheSergeant = post("/alerts/" + first + "/acknowledgements",
                "{\"as\":\"ON_BEHALF\",\"note\":\"DC Oic rang in: on scene\"}", supervisor());
        var takeOver = post("/alerts/" + second + "/acknowledgements", "{\"as\":\"TAKING_OVER\"}", supervisor());
        var toAStranger = post("/alerts/" + third + "/reassignments", "{\"personId\":\"nobody\"}", supervisor());
        var byTheOfficer = post("/alerts/" + third + "/reassignments", "{\"personId\":\"sgt-1\"}", officer);
        var handOver = post("/alerts/" + third + "/reassignments", "{\"personId\":\"sgt-1\"}", supervisor());
        var again = post("/alerts/" + third + "/reassignments", "{\"personId\":\"sgt-2\"}", supervisor());

        assertProblem(notTheirs, 422, "acknowledged-by-recipient", "as");
        assertProblem(notASupervisor, 422, "supervisor-acts", "as");
        assertThat(byTheSergeant.statusCode()).as(byTheSergeant.body()).isEqualTo(201);
        assertThat(byTheSergeant.json().get("acknowledgement").get("personId").asString()).isEqualTo("insp");
        assertThat(byTheSergeant.json().get("acknowledgement").get("as").asString()).isEqualTo("ON_BEHALF");
        assertThat(byTheSergeant.json().has("readAt")).as("the officer has not read it").isFalse();
        assertThat(takeOver.json().get("acknowledgement").get("as").asString()).isEqualTo("TAKING_OVER");
        assertProblem(toAStranger, 422, "agency-person", "personId");
        assertThat(byTheOfficer.statusCode()).isEqualTo(422);
        assertThat(handOver.statusCode()).as(handOver.body()).isEqualTo(201);
        assertProblem(again, 422, "alert-open", "alertId");
        var colleague = alertOf(handed, "sgt-1");
        assertThat(colleague.get("title").asString()).startsWith("Reassigned to you: ");
        assertThat(colleague.get("recipient").get("role").asString()).isEqualTo("OFFICER_IN_CHARGE");
        assertThat(Instant.parse(colleague.get("acknowledgeBy").asString())).as("the standard policy's first wait")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(AlertTopic.eventTypes(third, 2)).containsExactly("alert.raised", "alert.escalated");

        clock.advance(Duration.ofMinutes(16));
        escalations.escalateOverdue();
        assertThat(alertOf(handed, "control").get("escalationLevel").asInt()).as("the policy walks on from the "
                + "colleague").isEqualTo(1);
        assertThat(alertsOf(onBehalf)).hasSize(1);
        assertThat(alertsOf(takenOver)).hasSize(1);
    }

    @Test
    void aRotaTakesItsShiftsFromTheRosteringSystemsCalendarAndOneNamingAStrangerChangesNothing() throws Exception {
        assertThat(putDuty("/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "sgt-1")).statusCode())
                .isEqualTo(200);
        Instant saturday = next(DayOfWeek.SATURDAY, 8);
        clock.set(saturday.minus(Duration.ofDays(1)));
        String weekend = RotaCalendarShifts.of(
                RotaCalendarShifts.shift("sat@roster", saturday, Duration.ofHours(12), "SUMMARY:sgt-2"),
                RotaCalendarShifts.shift("sun@roster", saturday.plus(Duration.ofDays(1)), Duration.ofHours(12),
                        "SUMMARY:Sgt Three"));
        String stranger = RotaCalendarShifts.of(RotaCalendarShifts.shift("x@roster", saturday, Duration.ofHours(12),
                "ATTENDEE:mailto:someone@elsewhere.test"));
        String path = "/directory/agencies/" + police + "/duty/rotas/sergeants";

        var imported = calendar(path + "/shifts", weekend);
        var refused = calendar(path + "/shifts", stranger);
        var notACalendar = calendar(path + "/shifts", "name,start\nsgt-2,08:00");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("shifts").asInt()).isEqualTo(2);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("x@roster", "names nobody");
        assertThat(notACalendar.statusCode()).isEqualTo(400);
        assertThat(onDutyAt(path, saturday.plus(Duration.ofHours(2)))).isEqualTo("sgt-2");
        assertThat(onDutyAt(path, saturday.plus(Duration.ofHours(26)))).isEqualTo("sgt-3");
        assertThat(onDutyAt(path, saturday.plus(Duration.ofHours(14)))).as("between shifts, outside office hours")
                .isNull();

        var again = calendar(path + "/shifts", RotaCalendarShifts.of(RotaCalendarShifts.shift("sun@roster",
                saturday.plus(Duration.ofDays(1)), Duration.ofHours(12), "SUMMARY:sgt-1")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(onDutyAt(path, saturday.plus(Duration.ofHours(2)))).as("replaced by the new import").isNull();
        assertThat(onDutyAt(path, saturday.plus(Duration.ofHours(26)))).isEqualTo("sgt-1");
    }

    String onDutyAt(String rotaPath, Instant at) {
        var response = get(rotaPath + "/on-duty?at=" + at, supervisor());
        return response.statusCode() == 200 ? response.json().get("personId").asString() : null;
    }

    java.net.http.HttpResponse<String> calendar(String path, String ics) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + supervisor()).header("Content-Type", "text/calendar")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ics)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** A rostering system's export: one VEVENT per shift, times in UTC. */
    static final class RotaCalendarShifts {
        static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
                .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

        static String of(String... events) {
            return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rostering//EN\r\n" + String.join("", events)
                    + "END:VCALENDAR\r\n";
        }

        static String shift(String uid, Instant start, Duration length, String who) {
            return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + UTC.format(start) + "\r\nDTSTART:"
                    + UTC.format(start) + "\r\nDTEND:" + UTC.format(start.plus(length)) + "\r\n" + who
                    + "\r\nEND:VEVENT\r\n";
        }
    }

    /**
     * At every hour of a week, for a force whose officer in charge does not answer and a unit with nobody assigned,
     * each agency's walk reaches a person of that agency who can be alerted.
     */
    @Test
    void atEveryHourOfAWeekAnAlertReachesSomeoneOnDutyInEachAgencyInvolved() {
        assertThat(putDuty("/rotas/sergeants", rota("Sergeants", OFFICE_HOURS, "sgt-1", "sgt-2")).statusCode())
                .isEqualTo(200);
        var policy = putDuty("/escalation-policy", POLICY);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        String pdu = police + "-pdu";
        put("/directory/agencies/" + pdu, """
                {"kind":"PROBATION","name":"Hours PDU","people":[
                  {"personId":"po","name":"PO"},
                  {"personId":"duty","name":"Duty","mobile":"07700900997"}],"fallbackPersonId":"duty"}
                """, TestTokens.admin());
        var people = Map.of(police, directory.find(police).orElseThrow(), pdu, directory.find(pdu).orElseThrow());
        Instant monday = next(DayOfWeek.MONDAY, 0);
        List<String> unreached = new ArrayList<>();
        for (int hour = 0; hour < 7 * 24; hour++) {
            Instant at = monday.plus(hour, ChronoUnit.HOURS);
            var force = duty.policy(police, Severity.HIGH).orElseThrow().after(0, step -> duty.reach(step,
                    new uk.orderwatch.schemas.events.Recipient("oic", police, RecipientRole.OFFICER_IN_CHARGE),
                    at), "oic");
            var unit = duty.onDutyFor(pdu, RecipientRole.PROBATION_PRACTITIONER, at);
            if (force.isEmpty() || people.get(police).person(force.get().to().get(0).personId()).isEmpty()
                    || people.get(pdu).person(unit.personId()).isEmpty()) {
                unreached.add(at.toString());
            }
        }
        assertThat(unreached).isEmpty();
    }

    String breach(AgencyAssignments agencies) {
        return breach(UUID.randomUUID().toString(), agencies);
    }

    String breach(String orderId, AgencyAssignments agencies) {
        SharedTestInfra.send(Topics.COMPLIANCE, orderId, CODEC.write(breachEvent(orderId, agencies)));
        return orderId;
    }

    CloudEvent<BreachReported> breachEvent(String orderId, AgencyAssignments agencies) {
        try {
            var example = (BreachReported) CODEC.read(new String(EventCodec.class
                    .getResourceAsStream(EventType.BREACH_REPORTED.exampleResource()).readAllBytes())).data();
            var data = new BreachReported(UUID.randomUUID().toString(), orderId, 1, example.conditionId(),
                    example.conditionCategory(), example.occurredAt(), example.reportedAt(), example.reportedBy(),
                    Severity.HIGH, false, example.subject(), agencies);
            return CloudEvent.of(EventType.BREACH_REPORTED, UUID.randomUUID().toString(),
                    "/orderwatch/breach-report", clock.instant(), orderId, data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonNode alertOf(String orderId, String person) {
        return alertOf(orderId, person, supervisor());
    }

    JsonNode alertOf(String orderId, String person, String token) {
        String path = "/alerts?orderId=" + orderId + "&personId=" + person;
        await().atMost(Duration.ofSeconds(30)).until(() -> get(path, token).json().get("total").asInt() == 1);
        return get(path, token).json().get("items").get(0);
    }

    List<JsonNode> alertsOf(String orderId) {
        return alertsOf(orderId, supervisor());
    }

    List<JsonNode> alertsOf(String orderId, String token) {
        List<JsonNode> items = new ArrayList<>();
        get("/alerts?orderId=" + orderId, token).json().get("items").forEach(items::add);
        return items;
    }

}
