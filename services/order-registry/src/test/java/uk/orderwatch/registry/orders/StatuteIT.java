package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.events.InterimOrderEnded;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderStatus;

/**
 * What the statutes say an order is, as order-registry records it: the exemptions from the notification requirement
 * (Stalking Protection Act 2019 s.9(1)(a), s.9(5)), an interim SPO that ends without a full order, and a DAPO's
 * named responsible person (Domestic Abuse Act 2021 s.36).
 */
class StatuteIT extends OrderRegistryITBase {

    static ObjectNode interim(String reference) throws Exception {
        return validOrder(reference).put("type", "INTERIM_SPO").put("endsOn", LocalDate.now().plusDays(28).toString());
    }

    @Test
    void aFullSpoReplacingAServedInterimSpoIsExemptAndOneReplacingAnUnservedOneIsNot() throws Exception {
        String served = registered(interim("INTERIM-S-" + UUID.randomUUID()));
        assertThat(post("/orders/" + served + "/service", JSON.createObjectNode()
                .put("servedAt", Instant.now().minusSeconds(3600).toString())).statusCode()).isEqualTo(200);
        String unserved = registered(interim("INTERIM-U-" + UUID.randomUUID()));

        String afterServed = registered(validOrder("FULL-S-" + UUID.randomUUID()).put("interimOrderId", served));
        String afterUnserved = registered(validOrder("FULL-U-" + UUID.randomUUID()).put("interimOrderId", unserved));

        assertThat(get("/orders/" + afterServed).get("notificationExemption").asString())
                .isEqualTo("REPLACES_SERVED_INTERIM");
        assertThat(eventAt(afterServed, 1).order().notificationExemption())
                .isEqualTo(NotificationExemption.REPLACES_SERVED_INTERIM);
        assertThat(get("/orders/" + afterUnserved).has("notificationExemption")).isFalse();
        assertThat(eventAt(afterUnserved, 1).order().notificationExemption()).isNull();
    }

    @Test
    void aSubjectUnderSexualOffencesActNotificationIsRecordedAsExemptOnAnSpoOnly() throws Exception {
        String orderId = registered(validOrder("SOA-" + UUID.randomUUID())
                .put("notificationExemption", "SEXUAL_OFFENCES_ACT_2003_PART_2"));
        assertThat(eventAt(orderId, 1).order().notificationExemption())
                .isEqualTo(NotificationExemption.SEXUAL_OFFENCES_ACT_2003_PART_2);

        var restraining = validOrder("SOA-RO-" + UUID.randomUUID()).put("type", "RESTRAINING_ORDER")
                .put("notificationExemption", "SEXUAL_OFFENCES_ACT_2003_PART_2");
        assertProblem(post("/orders", restraining), 422, "exemption-spo-only", "notificationExemption");
        var claimed = validOrder("SOA-CLAIM-" + UUID.randomUUID())
                .put("notificationExemption", "REPLACES_SERVED_INTERIM");
        assertProblem(post("/orders", claimed), 422, "exemption-by-orderwatch", "notificationExemption");
    }

    @Test
    void anInterimSpoEndsWhenTheFullOrderIsRefusedAndThenTakesNoFurtherChange() throws Exception {
        String orderId = registered(interim("REFUSED-" + UUID.randomUUID()));
        var refused = JSON.createObjectNode().put("outcome", "FULL_ORDER_REFUSED")
                .put("decidedOn", LocalDate.now().toString());

        var ended = post("/orders/" + orderId + "/interim-end", refused);

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("FULL_ORDER_REFUSED");
        assertThat(published(orderId, 2)).containsExactly("order.registered@1", "order.interim-ended@2");
        var event = (InterimOrderEnded) eventAt(orderId, 2);
        assertThat(event.order().status()).isEqualTo(OrderStatus.FULL_ORDER_REFUSED);
        assertThat(event.decidedOn()).isEqualTo(LocalDate.now());
        assertThat(get("/orders/" + orderId + "/history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("registered", "full-order-refused");
        assertProblem(post("/orders/" + orderId + "/service", JSON.createObjectNode()
                .put("servedAt", Instant.now().minusSeconds(60).toString())), 409, "serve-active-only", null);
        assertProblem(post("/orders/" + orderId + "/interim-end", refused), 409, "end-active-only", null);
        assertProblem(post("/orders", validOrder("FULL-" + UUID.randomUUID()).put("interimOrderId", orderId)), 409,
                "supersede-active-only", null);
    }

    @Test
    void onlyAnInterimSpoEndsWithoutAFullOrderAndOnlyOnceTheDecisionWasMade() throws Exception {
        String spo = registered(validOrder("NOT-INTERIM-" + UUID.randomUUID()));
        String interim = registered(interim("WITHDRAWN-" + UUID.randomUUID()));
        var withdrawn = JSON.createObjectNode().put("outcome", "APPLICATION_WITHDRAWN")
                .put("decidedOn", LocalDate.now().toString());

        assertProblem(post("/orders/" + spo + "/interim-end", withdrawn), 409, "interim-only", null);
        assertProblem(post("/orders/" + interim + "/interim-end", withdrawn.deepCopy()
                .put("decidedOn", LocalDate.now().plusDays(2).toString())), 422, "decided-in-future", "decidedOn");
        assertProblem(post("/orders/" + interim + "/interim-end", withdrawn.deepCopy().put("outcome", "EXPIRED")),
                422, "interim-end-outcome", "outcome");
        assertThat(get("/orders/" + interim).get("version").asInt()).isEqualTo(1);

        assertThat(post("/orders/" + interim + "/interim-end", withdrawn).json().get("status").asString())
                .isEqualTo("APPLICATION_WITHDRAWN");
    }

    static ObjectNode dapo(String reference) throws Exception {
        return validOrder(reference).put("type", "DAPO");
    }

    @Test
    void aDapoNamesThePersonResponsibleForEachRequirementAtItsSupervisingAgency() throws Exception {
        var withoutPerson = dapo("DAPO-NONE-" + UUID.randomUUID());
        assertProblem(post("/orders", withoutPerson), 422, "dapo-responsible-person",
                "conditions[1].responsiblePersonId");
        var elsewhere = dapo("DAPO-ELSEWHERE-" + UUID.randomUUID());
        ((ObjectNode) elsewhere.get("conditions").get(1)).put("responsiblePersonId", "demo-caseworker");
        assertProblem(post("/orders", elsewhere), 422, "agency-person-unknown", "conditions[1].responsiblePersonId");
        var onProhibition = dapo("DAPO-PROHIBITION-" + UUID.randomUUID());
        ((ObjectNode) onProhibition.get("conditions").get(1)).put("responsiblePersonId", "demo-practitioner");
        ((ObjectNode) onProhibition.get("conditions").get(0)).put("responsiblePersonId", "demo-practitioner");
        assertProblem(post("/orders", onProhibition), 422, "prohibition-supervisor",
                "conditions[0].responsiblePersonId");

        var named = dapo("DAPO-" + UUID.randomUUID());
        ((ObjectNode) named.get("conditions").get(1)).put("responsiblePersonId", "demo-senior-practitioner");
        String orderId = registered(named);

        assertThat(get("/orders/" + orderId).get("conditions").get(1).get("responsiblePersonId").asString())
                .isEqualTo("demo-senior-practitioner");
        assertThat(eventAt(orderId, 1).order().conditions().get(1).responsiblePersonId())
                .isEqualTo("demo-senior-practitioner");

        var moved = post("/orders/" + orderId + "/reassignments", JSON.createObjectNode().put("agencyKind",
                "PROBATION").put("agencyId", "north-probation").put("personId", "north-practitioner"));
        assertThat(moved.json().get("conditions").get(1).get("responsiblePersonId").asString())
                .as("the requirement moves to the new unit, and its practitioner becomes responsible")
                .isEqualTo("north-practitioner");
    }
}
