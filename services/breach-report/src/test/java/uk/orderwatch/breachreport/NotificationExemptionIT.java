package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.orderwatch.breachreport.requirements.NotificationRequirement;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;

/**
 * The notification requirement's exemptions (Stalking Protection Act 2019 s.9): a full SPO replacing a served interim
 * SPO starts no clock, and the interim order's requirement stands for it (s.9(1)(a)); a subject already under the
 * Sexual Offences Act 2003 Part 2 starts none (s.9(5)).
 */
class NotificationExemptionIT extends ComplianceITBase {

    @Autowired
    NotificationRequirementService requirements;

    static OrderSnapshot as(OrderSnapshot o, long version, OrderType type, OrderStatus status, Instant servedAt,
                            String interimOrderId, String fullOrderId, NotificationExemption exemption) {
        return new OrderSnapshot(o.orderId(), version, type, status, o.court(), o.courtCaseReference(), o.madeOn(),
                servedAt, o.endsOn(), o.untilFurtherOrder(), o.subject(), o.protectedPersonIds(), o.conditions(),
                o.agencies(), interimOrderId, fullOrderId, exemption, null);
    }

    void awaitVersion(String orderId, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(orderId)
                .filter(k -> k.version() == version).isPresent());
    }

    @Test
    void aFullSpoReplacingAServedInterimStartsNoClockAndTheInterimsRequirementStandsForIt() throws Exception {
        String interimId = UUID.randomUUID().toString();
        String fullId = UUID.randomUUID().toString();
        Instant interimServed = clock.instant().minus(Duration.ofDays(1));
        var interim = order(interimId, 1);
        publishOrder(as(interim, 2, OrderType.INTERIM_SPO, OrderStatus.SERVED, interimServed, null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> requirements.find(interimId).isPresent());

        publishOrder(as(order(fullId, 1), 2, OrderType.SPO, OrderStatus.SERVED, clock.instant(), interimId, null,
                NotificationExemption.REPLACES_SERVED_INTERIM));
        publishOrder(as(interim, 3, OrderType.INTERIM_SPO, OrderStatus.SUPERSEDED, interimServed, null, fullId,
                null));
        awaitVersion(fullId, 2);
        awaitVersion(interimId, 3);

        assertThat(mongo.findById(fullId, NotificationRequirement.class)).as("no clock of its own").isNull();
        var standing = get("/orders/" + fullId + "/notification-requirement");
        assertThat(standing.get("orderId").asString()).isEqualTo(interimId);
        assertThat(standing.get("status").asString()).as("superseding did not stop it").isEqualTo("OPEN");
        var notified = post("/orders/" + fullId + "/notification-requirement/notifications", JSON.createObjectNode()
                .put("kind", "INITIAL").put("notifiedAt", clock.instant().toString()));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(201);
        assertThat(mongo.findById(interimId, NotificationRequirement.class).status())
                .isEqualTo(NotificationRequirement.RequirementStatus.MET);
    }

    @Test
    void aSubjectAlreadyUnderTheSexualOffencesActStartsNoClock() throws Exception {
        String exempt = UUID.randomUUID().toString();
        String control = UUID.randomUUID().toString();
        publishOrder(as(order(exempt, 1), 2, OrderType.SPO, OrderStatus.SERVED, clock.instant(), null, null,
                NotificationExemption.SEXUAL_OFFENCES_ACT_2003_PART_2));
        publishOrder(as(order(control, 1), 2, OrderType.SPO, OrderStatus.SERVED, clock.instant(), null, null,
                null));

        await().atMost(Duration.ofSeconds(30)).until(() -> requirements.find(control).isPresent());
        awaitVersion(exempt, 2);
        assertThat(requirements.find(exempt)).isEmpty();
        assertProblem(get("/orders/" + exempt + "/notification-requirement", tokenFor("GET", "/orders")), 404,
                "not-found", null);
    }
}
