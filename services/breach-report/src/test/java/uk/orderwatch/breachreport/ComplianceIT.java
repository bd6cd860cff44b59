package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderRegistered;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.SessionOutcome;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditEntry;
import uk.orderwatch.support.deadletters.DeadLetters;
import uk.orderwatch.testsupport.SharedTestInfra;
import uk.orderwatch.testsupport.TopicReader;

/** Breaches, sessions, outcomes, deadlines and thresholds, over HTTP and Kafka. */
class ComplianceIT extends ComplianceITBase {

    @Test
    void aBreachOfAKnownOrderIsStoredAndPublishedWithoutItsDescriptionOrPlace() throws Exception {
        String orderId = knownOrder();

        var response = post("/orders/" + orderId + "/breaches", breach());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var records = complianceEvents(orderId, 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(CODEC.validate(records.get(0).value())).isEmpty();
        assertThat(records.get(0).headers()).containsEntry("ce_type", "breach.reported");
        var data = (BreachReported) CODEC.read(records.get(0).value()).data();
        assertThat(data.severity()).isEqualTo(Severity.HIGH);
        assertThat(data.beforeService()).as("the example order is not served").isTrue();
        assertThat(data.agencies().advocacy().personId()).isEqualTo("demo-caseworker");
        assertThat(records.get(0).value()).doesNotContain("SENTINEL-DESCRIPTION", "SENTINEL-PLACE");
    }

    @Test
    void anExcusedAbsenceAndAMissedSessionEachPublishTheirOwnEvent() throws Exception {
        String orderId = knownOrder();
        ObjectNode excused = attendance("NO");
        excused.put("didSessionHappen", false).put("noSessionReason", "POP_ACCEPTABLE")
                .put("sessionStart", Instant.now().minusSeconds(86_400).toString());

        assertThat(post("/orders/" + orderId + "/attendance", excused).statusCode()).isEqualTo(201);
        assertThat(post("/orders/" + orderId + "/attendance", attendance("NO")).statusCode()).isEqualTo(201);

        var records = complianceEvents(orderId, 2, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("session.absence-excused", "session.missed");
        assertThat(((SessionOutcome) CODEC.read(records.get(1).value()).data()).programmeName())
                .isEqualTo("Stalking Perpetrator Programme");
        assertThat(mongo.count(orderQuery(orderId), SessionDocument.class)).isEqualTo(2);
    }

    @Test
    void aSecondOutcomeForTheSameSessionIsAConflict() throws Exception {
        String orderId = knownOrder();
        ObjectNode first = attendance("NO");
        assertThat(post("/orders/" + orderId + "/attendance", first).statusCode()).isEqualTo(201);

        var second = post("/orders/" + orderId + "/attendance", first.put("attended", "YES"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    void assertRefused(String orderId, String path, ObjectNode body, int status, String field) throws Exception {
        var response = post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        if (field != null) {
            assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                    .as(response.body()).contains(field);
        }
        assertThat(mongo.count(orderQuery(orderId), BreachDocument.class)).isZero();
        assertThat(mongo.count(orderQuery(orderId), SessionDocument.class)).isZero();
        assertThat(complianceEvents(orderId, 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aReportForAnUnknownOrderIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertRefused(unknown, "/orders/" + unknown + "/breaches", breach(), 404, null);
        assertRefused(unknown, "/orders/" + unknown + "/attendance", attendance("NO"), 404, null);
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String orderId = knownOrder();
        String breaches = "/orders/" + orderId + "/breaches";
        String attendance = "/orders/" + orderId + "/attendance";
        assertRefused(orderId, breaches, breach().put("conditionId", "c9"), 422, "conditionId");
        assertRefused(orderId, breaches, breach().put("occurredAt", Instant.now().plusSeconds(3600).toString()),
                422, "occurredAt");
        assertRefused(orderId, breaches, breach().put("occurredAt", "2001-01-01T00:00:00Z"), 422, "occurredAt");
        assertRefused(orderId, breaches, with(breach(), b -> b.remove("description")), 400, "description");
        assertRefused(orderId, breaches, breach().put("occurredAt", "yesterday"), 400, "occurredAt");
        var forged = post(breaches, breach().put("description", "ok\r\n2026-11-28 INFO forged \u001b[31mline"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(forged.body()).get("errors").get(0).get("reason").asString())
                .isEqualTo("contains a control character or a direction override");
        assertThat(forged.body()).as("the refused text is not echoed").doesNotContain("forged");
        assertRefused(orderId, attendance, attendance("NO").put("conditionId", "c1"), 422, "conditionId");
        assertRefused(orderId, attendance, attendance("MAYBE"), 400, "attended");
        assertRefused(orderId, attendance, with(attendance("NO"), a -> a.remove("attended")), 400, "attended");
    }

    static ObjectNode with(ObjectNode node, Consumer<ObjectNode> change) {
        change.accept(node);
        return node;
    }

    @Test
    void duplicatedAndReorderedOrderEventsLeaveTheNewestVersion() throws Exception {
        String orderId = UUID.randomUUID().toString();
        publishOrder(order(orderId, 2));
        publishOrder(order(orderId, 1));
        publishOrder(order(orderId, 2));
        publishOrder(order(orderId, 3));
        publishOrder(order(orderId, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId)
                .map(o -> o.version() == 3).orElse(false));
        // the stale version 1 published after version 3 must not win once it is consumed
        String marker = UUID.randomUUID().toString();
        publishOrder(order(marker, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(marker).isPresent());
        assertThat(readModel.find(orderId).orElseThrow().version()).isEqualTo(3);
        assertThat(readModel.find(orderId).orElseThrow().order().version()).isEqualTo(3);
    }

    @Test
    void aRecordThatIsNotAValidEventGoesToTheDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        SharedTestInfra.send(Topics.ORDERS, key, "{not an event, but case data: SENTINEL-SUBJECT of 17 Sentinel Close");

        var dead = TopicReader.readUntil(BOOTSTRAP, Topics.deadLetter(Topics.ORDERS, Topics.GROUP_BREACH_REPORT),
                recs -> recs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));

        assertThat(dead).anyMatch(r -> key.equals(r.key()));
        var record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(record.headers()).containsKey("x-exception-message");

        // an operator lists it with its reason and origin; replaying it while it is still not an event fails
        JsonNode letter = null;
        for (JsonNode d : get("/admin/dead-letters")) {
            if (key.equals(d.path("key").asString())) {
                letter = d;
            }
        }
        assertThat(letter).isNotNull();
        assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.ORDERS);
        assertThat(letter.get("reason").asString()).contains("not JSON");
        assertThat(letter.toString()).as("the record's content is not shown").doesNotContain("SENTINEL");
        String letterId = letter.get("topic").asString() + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong();
        assertThat(audited(AuditEntry.Action.READ, letterId)).as("the view is audited").isPositive();
        String path = "/admin/dead-letters/" + letter.get("topic").asString() + "/" + letter.get("partition").asInt()
                + "/" + letter.get("offset").asLong() + "/replay";

        for (int i = 0; i < 2; i++) {
            var failed = post(path, null);
            assertProblem(failed, 409, "replay-failed", null);
            assertThat(failed.body()).as("the reason, not the record").contains("not JSON").doesNotContain("SENTINEL");
        }
        assertThat(audited(AuditEntry.Action.CHANGE, letterId)).as("each replay asked for is audited").isEqualTo(2);
        assertThat(TopicReader.readToEnd(BOOTSTRAP, Topics.ORDERS, Duration.ofSeconds(20)))
                .as("a replay goes to this service's consumer, never back onto order-registry's topic")
                .filteredOn(r -> key.equals(r.key())).hasSize(1);
    }

    @Test
    void aDeadLetterWhoseCauseIsFixedIsReplayedOnceToThisServicesConsumer() throws Exception {
        String orderId = UUID.randomUUID().toString();
        // as the binder leaves a record this service could not take in when it failed: a valid event by now
        String event = CODEC.write(uk.orderwatch.schemas.CloudEvent.of(EventType.ORDER_REGISTERED,
                UUID.randomUUID().toString(), "/orderwatch/order-registry", Instant.now(), orderId,
                new uk.orderwatch.schemas.events.OrderRegistered(order(orderId, 1),
                        new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police"))));
        String dlq = Topics.deadLetter(Topics.ORDERS, Topics.GROUP_BREACH_REPORT);
        SharedTestInfra.send(dlq, orderId, event, java.util.Map.of("x-original-topic", Topics.ORDERS,
                "ce_type", "order.registered", "x-exception-message", "MongoTimeoutException: no primary"));
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : get("/admin/dead-letters")) {
                if (orderId.equals(d.path("key").asString())) {
                    return d;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        String path = "/admin/dead-letters/" + dlq + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/replay";

        assertThat(post(path, null).statusCode()).isEqualTo(200);

        assertThat(readModel.find(orderId)).as("taken in by the replay").isPresent();
        assertProblem(post(path, JSON.createObjectNode()), 409, "replay-once", null);
        assertThat(TopicReader.readToEnd(BOOTSTRAP, Topics.ORDERS, Duration.ofSeconds(20)))
                .filteredOn(r -> orderId.equals(r.key())).isEmpty();
    }

    long audited(AuditEntry.Action action, String deadLetterId) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("resource").is(DeadLetters.AUDIT_RESOURCE)
                        .and("action").is(action).and("recordIds").is(deadLetterId)), AuditEntry.class);
    }

    // --- outcomes, corrections, schedules and deadlines ------------------------------------------------------

    @Autowired
    uk.orderwatch.breachreport.attendance.SessionStore sessions;
    @Autowired
    uk.orderwatch.breachreport.attendance.UnrecordedSessions unrecordedSessions;
    @Autowired
    uk.orderwatch.breachreport.requirements.NotificationRequirementService requirements;

    static OrderSnapshot variant(OrderSnapshot o, long version, uk.orderwatch.schemas.events.OrderStatus status,
                                 Instant servedAt, uk.orderwatch.schemas.events.Programme.Schedule schedule) {
        var conditions = o.conditions().stream().map(c -> c.programme() == null ? c
                : new uk.orderwatch.schemas.events.Condition(c.conditionId(), c.category(),
                c.supervisingAgencyId(), new uk.orderwatch.schemas.events.Programme(c.programme().name(),
                c.programme().provider(), 3, schedule), null, null, null)).toList();
        return new OrderSnapshot(o.orderId(), version, o.orderType(), status, o.court(), o.courtCaseReference(),
                o.madeOn(), servedAt, o.endsOn(), o.untilFurtherOrder(), o.subject(), o.protectedPersonIds(),
                conditions, o.agencies(), null, null, null, null);
    }

    ObjectNode outcome(String attended, String reason) {
        ObjectNode o = JSON.createObjectNode();
        if (attended != null) {
            o.put("attended", attended);
        }
        if (reason != null) {
            o.put("didSessionHappen", false).put("noSessionReason", reason);
        }
        return o;
    }

    @Test
    void eachOutcomePublishesExactlyOneEventOfItsType() throws Exception {
        String orderId = knownOrder();
        Object[][] cases = {{"YES", null, "session.attended"}, {"LATE", null, "session.attended"},
            {"NO", null, "session.missed"}, {null, "POP_UNACCEPTABLE", "session.missed"},
            {null, "POP_ACCEPTABLE", "session.absence-excused"}, {null, "LOGISTICS", "session.cancelled"}};
        for (int i = 0; i < cases.length; i++) {
            ObjectNode a = outcome((String) cases[i][0], (String) cases[i][1]).put("conditionId", "c2")
                    .put("sessionStart", Instant.now().minusSeconds(86_400L * (i + 1)).toString());
            var response = post("/orders/" + orderId + "/attendance", a);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        ObjectNode concern = outcome("YES", null).put("conditionId", "c2")
                .put("sessionStart", Instant.now().minusSeconds(86_400L * 9).toString());
        concern.putObject("concern").put("description", "Asked where SENTINEL-VICTIM lives now")
                .put("tellPractitioner", true).put("risk", true);
        assertThat(post("/orders/" + orderId + "/attendance", concern).statusCode()).isEqualTo(201);

        var records = complianceEvents(orderId, 9, Duration.ofSeconds(20));
        // the second miss reaches the enforcement threshold of 2
        assertThat(records).extracting(r -> r.headers().get("ce_type")).containsExactly("session.attended",
                "session.attended", "session.missed", "session.missed", "enforcement.review-required",
                "session.absence-excused", "session.cancelled", "session.attended", "session.concern-raised");
        assertThat(records).allSatisfy(r -> {
            assertThat(CODEC.validate(r.value())).isEmpty();
            assertThat(r.value()).doesNotContain("SENTINEL-VICTIM");
        });
        var concernEvent = (uk.orderwatch.schemas.events.SessionConcernRaised) CODEC.read(records.get(8).value())
                .data();
        assertThat(concernEvent.risk()).isTrue();
        assertThat(complianceEvents(orderId, 10, Duration.ofSeconds(3))).hasSize(9);
    }

    @Test
    void aCorrectionIsANewEntryWithItsReasonAndBothAreKept() throws Exception {
        String orderId = knownOrder();
        ObjectNode first = attendance("NO");
        assertThat(post("/orders/" + orderId + "/attendance", first).statusCode()).isEqualTo(201);

        var corrected = post("/orders/" + orderId + "/attendance", first.deepCopy().put("attended", "LATE")
                .put("correctionReason", "He arrived 20 minutes late; the register was wrong"));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        var outcomes = JSON.readTree(corrected.body()).get("outcomes");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).get("outcome").asString()).isEqualTo("MISSED");
        assertThat(outcomes.get(1).get("outcome").asString()).isEqualTo("ATTENDED");
        var records = complianceEvents(orderId, 2, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("session.missed", "session.attended");
        assertThat(((SessionOutcome) CODEC.read(records.get(1).value()).data()).correction()).isTrue();
    }

    @Test
    void aScheduleBecomesSessionsAndOnesLeftUnrecordedAreFlaggedOnceEvenWhenTwoTimersRace() throws Exception {
        String orderId = UUID.randomUUID().toString();
        Instant first = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofDays(3));
        publish(EventType.ORDER_REGISTERED, orderId, new OrderRegistered(variant(order(orderId, 1), 1,
                uk.orderwatch.schemas.events.OrderStatus.GRANTED, null,
                new uk.orderwatch.schemas.events.Programme.Schedule(first, 2, 90)),
                new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.ofOrder(orderId).size() == 3);
        var planned = sessions.ofOrder(orderId);
        assertThat(planned).extracting(s -> s.start()).containsExactly(first, first.plus(Duration.ofDays(2)),
                first.plus(Duration.ofDays(4)));
        var firstDay = java.time.LocalDate.ofInstant(first, Court.ZONE);
        assertThat(get("/sessions/due?practitionerId=demo-practitioner&date=" + firstDay).get("items")
                .findValuesAsString("orderId")).contains(orderId);
        // the first session is recorded; the second ended a day ago, still within its 24 h grace
        ObjectNode attended = outcome("YES", null);
        assertThat(post("/orders/" + orderId + "/sessions/" + planned.get(0).sessionId() + "/outcomes", attended)
                .statusCode()).isEqualTo(201);

        clock.advance(Duration.ofHours(25));
        var a = java.util.concurrent.CompletableFuture.supplyAsync(unrecordedSessions::raiseUnrecorded);
        var b = java.util.concurrent.CompletableFuture.supplyAsync(unrecordedSessions::raiseUnrecorded);
        int raised = a.join() + b.join();
        clock.set(Instant.now());

        var unrecorded = complianceEvents(orderId, 2, Duration.ofSeconds(20)).stream()
                .filter(r -> "session.unrecorded".equals(r.headers().get("ce_type"))).toList();
        assertThat(unrecorded).hasSize(1);
        assertThat(raised).isGreaterThanOrEqualTo(1);
        assertThat(((uk.orderwatch.schemas.events.SessionUnrecorded) CODEC.read(unrecorded.get(0).value()).data())
                .sessionId()).isEqualTo(planned.get(1).sessionId());
        assertThat(JSON.readTree(get("/orders/" + orderId + "/compliance").toString()).get("openDeadlines")
                .findValuesAsString("kind")).containsExactly("session-outcome");
    }

    @Test
    void aPractitionersDayCountsOnlyTheirOwnUnitsSessionsThoughAnotherUnitUsesTheSamePersonId() throws Exception {
        // a day of its own, far enough ahead that no other test plans sessions on it
        Instant first = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(Duration.ofDays(500 + new java.util.Random().nextInt(500))).plus(Duration.ofHours(10));
        var schedule = new uk.orderwatch.schemas.events.Programme.Schedule(first, 2, 90);
        String ours = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        var ourOrder = variant(order(ours, 1), 1, uk.orderwatch.schemas.events.OrderStatus.GRANTED, null, schedule);
        var base = variant(order(theirs, 1), 1, uk.orderwatch.schemas.events.OrderStatus.GRANTED, null, schedule);
        var theirOrder = new OrderSnapshot(base.orderId(), base.version(), base.orderType(), base.status(),
                base.court(), base.courtCaseReference(), base.madeOn(), base.servedAt(), base.endsOn(),
                base.untilFurtherOrder(), base.subject(), base.protectedPersonIds(), base.conditions(),
                new uk.orderwatch.schemas.events.AgencyAssignments(base.agencies().police(),
                        new uk.orderwatch.schemas.events.Assignment("other-probation", "demo-practitioner"),
                        base.agencies().advocacy()), null, null, null, null);
        publishOrder(ourOrder);
        publishOrder(theirOrder);
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.ofOrder(ours).size() == 3
                && sessions.ofOrder(theirs).size() == 3);

        var day = get("/sessions/due?practitionerId=demo-practitioner&date="
                + java.time.LocalDate.ofInstant(first, Court.ZONE));

        assertThat(day.get("items").findValuesAsString("orderId")).containsExactly(ours);
        assertThat(day.get("total").asLong()).as("the other unit's session is not counted").isEqualTo(1);
    }

    @Test
    void aServedSpoWhoseSubjectDoesNotNotifyWithinThreeDaysRaisesOneOverdueEventAndANotifiedOneNone()
            throws Exception {
        String silent = UUID.randomUUID().toString();
        String notified = UUID.randomUUID().toString();
        Instant servedAt = clock.instant().minus(Duration.ofHours(1));
        for (String orderId : List.of(silent, notified)) {
            publish(EventType.ORDER_SERVED, orderId, new uk.orderwatch.schemas.events.OrderServed(variant(
                    order(orderId, 2), 2, uk.orderwatch.schemas.events.OrderStatus.SERVED, servedAt, null), servedAt,
                    new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> requirements.find(silent).isPresent()
                && requirements.find(notified).isPresent());
        ObjectNode notification = JSON.createObjectNode().put("kind", "INITIAL")
                .put("notifiedAt", clock.instant().toString());
        assertThat(post("/orders/" + notified + "/notification-requirement/notifications", notification)
                .statusCode()).isEqualTo(201);
        // the count raiseOverdue answers is every order's: another test's order may be due; this one's is not
        requirements.raiseOverdue();
        assertThat(complianceEvents(silent, 1, Duration.ofSeconds(2))).as("not due yet").isEmpty();

        clock.advance(Duration.ofDays(3));
        requirements.raiseOverdue();
        requirements.raiseOverdue();
        clock.set(Instant.now());

        assertThat(complianceEvents(silent, 1, Duration.ofSeconds(20))).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("notification-requirement.overdue");
        assertThat(complianceEvents(notified, 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(get("/orders/" + silent + "/notification-requirement").get("status").asString())
                .isEqualTo("OVERDUE");
        assertThat(get("/orders/" + notified + "/notification-requirement").get("status").asString())
                .isEqualTo("MET");
    }

    @Test
    void whenTheOrderEndsItsSessionsToComeAreWithdrawnAndLaterBreachesRefused() throws Exception {
        String orderId = UUID.randomUUID().toString();
        Instant first = clock.instant().plus(Duration.ofDays(1));
        var schedule = new uk.orderwatch.schemas.events.Programme.Schedule(first, 7, 60);
        publish(EventType.ORDER_REGISTERED, orderId, new OrderRegistered(variant(order(orderId, 1), 1,
                uk.orderwatch.schemas.events.OrderStatus.GRANTED, null, schedule),
                new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.ofOrder(orderId).size() == 3);
        var yesterday = java.time.LocalDate.now(Court.ZONE).minusDays(1);

        publish(EventType.ORDER_DISCHARGED, orderId, new uk.orderwatch.schemas.events.OrderDischarged(variant(
                order(orderId, 2), 2, uk.orderwatch.schemas.events.OrderStatus.DISCHARGED, null, schedule),
                yesterday, new uk.orderwatch.schemas.events.Actor("demo-oic", "demo-police")));

        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.ofOrder(orderId).stream()
                .allMatch(s -> s.status() == uk.orderwatch.breachreport.attendance.SessionStatus.WITHDRAWN));
        assertThat(get("/orders/" + orderId + "/compliance").get("openDeadlines")).isEmpty();
        var afterEnd = breach().put("occurredAt", Instant.now().minusSeconds(60).toString());
        assertThat(post("/orders/" + orderId + "/breaches", afterEnd).statusCode()).isEqualTo(422);
        var beforeEnd = breach().put("occurredAt", yesterday.atTime(12, 0)
                .atZone(Court.ZONE).toInstant().toString());
        assertThat(post("/orders/" + orderId + "/breaches", beforeEnd).statusCode()).isEqualTo(201);
    }

    Response postWithKey(String path, JsonNode body, String key) {
        return call(HttpMethod.POST, path, tokenFor("POST", path), body, "Idempotency-Key", key);
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyReturnsTheFirstAndReportsNothingNew() throws Exception {
        String orderId = knownOrder();
        String key = UUID.randomUUID().toString();
        ObjectNode report = breach();

        var first = postWithKey("/orders/" + orderId + "/breaches", report, key);
        var retry = postWithKey("/orders/" + orderId + "/breaches", report, key);
        var reused = postWithKey("/orders/" + orderId + "/breaches", report.deepCopy().put("description", "other"),
                key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as("the first answer again").isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(mongo.count(orderQuery(orderId), BreachDocument.class)).isEqualTo(1);
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).hasSize(1);
    }
}
