package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationRequirementOverdue;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.testsupport.TestTokens;

/**
 * Changes the subject must notify (Stalking Protection Act 2019 s.9(4)): a change of name or home address within 3
 * days beginning with the day of the change. What changed is recorded; the names and address the subject gave are
 * the police's alone.
 */
class NotificationChangeIT extends ComplianceITBase {

    @Autowired
    NotificationRequirementService requirements;

    String servedOrder(Instant servedAt) throws Exception {
        String orderId = UUID.randomUUID().toString();
        var o = order(orderId, 2);
        publishOrder(new uk.orderwatch.schemas.events.OrderSnapshot(orderId, 2, o.orderType(), OrderStatus.SERVED,
                o.court(), o.courtCaseReference(), o.madeOn(), servedAt, o.endsOn(), o.untilFurtherOrder(),
                o.subject(), o.protectedPersonIds(), o.conditions(), o.agencies(), null, null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> requirements.find(orderId).isPresent());
        return orderId;
    }

    static ObjectNode change(LocalDate changedOn) {
        var c = JSON.createObjectNode().put("changedOn", changedOn.toString());
        c.putArray("changed").add("HOME_ADDRESS");
        return c;
    }

    @Test
    void aChangeThePoliceLearntOfIsOverdueAfterItsThreeDaysAndALateNotificationIsFlagged() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(Court.ZONE));
        String orderId = servedOrder(clock.instant().minus(Duration.ofDays(1)));
        String path = "/orders/" + orderId + "/notification-requirement";
        var opened = post(path + "/changes", change(today));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertProblem(post(path + "/changes", change(today)), 409, "change-known", null);
        requirements.raiseOverdue();
        assertThat(complianceEvents(orderId, 1, Duration.ofSeconds(2))).as("not due yet").isEmpty();

        clock.advance(Duration.ofDays(3));
        requirements.raiseOverdue();
        requirements.raiseOverdue();
        var overdue = complianceEvents(orderId, 2, Duration.ofSeconds(20)).stream()
                .map(r -> (NotificationRequirementOverdue) CODEC.read(r.value()).data()).toList();
        assertThat(overdue).as("the first notification's clock and the change's, each once").hasSize(2);
        var ofTheChange = overdue.stream().filter(e -> e.changeOn() != null).findFirst().orElseThrow();
        assertThat(ofTheChange.changeOn()).isEqualTo(today);
        assertThat(ofTheChange.dueBy()).isEqualTo(NotificationRequirementService.dueAt(today));
        assertThat(complianceEvents(orderId, 3, Duration.ofSeconds(2))).hasSize(2);

        var notified = change(today).put("kind", "CHANGE").put("notifiedAt", clock.instant().toString())
                .put("notifiedAddress", "SENTINEL-NEW-ADDRESS 5 Moved Road");
        assertThat(post(path + "/notifications", notified).statusCode()).isEqualTo(201);
        clock.set(Instant.now());
        var police = get(path);
        assertThat(police.get("notifications").get(0).get("late").asBoolean()).as("3 days after the change").isTrue();
        assertThat(police.get("notifications").get(0).get("notifiedAddress").asString())
                .isEqualTo("SENTINEL-NEW-ADDRESS 5 Moved Road");
        assertThat(police.get("changes").get(0).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(get(path, TestTokens.probation()).body()).as("the police's alone")
                .doesNotContain("SENTINEL-NEW-ADDRESS");
        assertThat(complianceEvents(orderId, 2, Duration.ofSeconds(3))).allSatisfy(r ->
                assertThat(r.value()).doesNotContain("SENTINEL"));
    }

    @Test
    void aChangeNotifiedInTimeClosesItsClockAndAChangeWithoutItsDetailsIsRefused() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(Court.ZONE));
        String orderId = servedOrder(clock.instant().minus(Duration.ofDays(4)));
        String path = "/orders/" + orderId + "/notification-requirement";
        assertThat(post(path + "/changes", change(today)).statusCode()).isEqualTo(201);

        var notified = change(today).put("kind", "CHANGE").put("notifiedAt", clock.instant().toString());
        assertThat(post(path + "/notifications", notified).statusCode()).isEqualTo(201);

        var requirement = get(path);
        assertThat(requirement.get("changes").get(0).get("status").asString()).isEqualTo("MET");
        assertThat(requirement.get("notifications").get(0).get("late").asBoolean()).isFalse();
        var withoutWhat = JSON.createObjectNode().put("kind", "CHANGE").put("notifiedAt", clock.instant().toString())
                .put("changedOn", today.toString());
        assertProblem(post(path + "/notifications", withoutWhat), 422, "change-details", "changed");
        assertProblem(post(path + "/notifications", change(today).put("kind", "INITIAL")
                .put("notifiedAt", clock.instant().toString())), 422, "change-details", "changed");
        assertProblem(post(path + "/changes", change(today.minusDays(10))), 422, "changed-before-service",
                "changedOn");
        assertProblem(post(path + "/changes", change(today.plusDays(1))), 422, "changed-later", "changedOn");
        assertThat(requirements.find(orderId).orElseThrow().notifications()).hasSize(1);
    }
}
