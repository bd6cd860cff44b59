package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.OrderReassigned;
import uk.orderwatch.schemas.events.ProtectedPersonChanged;
import uk.orderwatch.testsupport.TestTokens;

/**
 * Keeping a case current without a court: who works it, and the people it protects. None of it is a variation.
 */
class CaseUpkeepIT extends OrderRegistryITBase {

    static final String PROBATION_SUPERVISOR = TestTokens.token("PROBATION", "demo-probation",
            "demo-senior-practitioner", true);

    static ObjectNode reassignment(AgencyKind kind, String agencyId, String personId) {
        return JSON.createObjectNode().put("agencyKind", kind.name()).put("agencyId", agencyId)
                .put("personId", personId);
    }

    static ObjectNode person(String name, String address, String advocate) {
        var p = JSON.createObjectNode().put("name", name).put("address", address).put("phone", "07700900111");
        return advocate == null ? p : p.put("advocatePersonId", advocate);
    }

    @Test
    void aNewOfficerInChargeAndAPractitionerReallocatedByTheirSupervisorAreReassignmentsNotVariations()
            throws Exception {
        String orderId = registered(validOrder("REASSIGN-" + UUID.randomUUID()));

        var oic = post("/orders/" + orderId + "/reassignments",
                reassignment(AgencyKind.POLICE, "demo-police", "demo-oic-2"));
        assertThat(oic.statusCode()).as(oic.body()).isEqualTo(200);
        var pp = post("/orders/" + orderId + "/reassignments",
                reassignment(AgencyKind.PROBATION, "demo-probation", "demo-senior-practitioner"),
                PROBATION_SUPERVISOR);
        assertThat(pp.statusCode()).as(pp.body()).isEqualTo(200);

        var order = get("/orders/" + orderId, TestTokens.token("POLICE", "demo-police", "demo-oic-2")).json();
        assertThat(order.get("agencies").get("police").get("personId").asString()).isEqualTo("demo-oic-2");
        assertThat(order.get("agencies").get("probation").get("personId").asString())
                .isEqualTo("demo-senior-practitioner");
        assertThat(published(orderId, 3)).containsExactly("order.registered@1", "order.reassigned@2",
                "order.reassigned@3");
        var first = (OrderReassigned) eventAt(orderId, 2);
        assertThat(first.agencyKind()).isEqualTo(AgencyKind.POLICE);
        assertThat(first.previous().personId()).isEqualTo("demo-oic");
        assertThat(first.reassignedBy().personId()).isEqualTo("demo-oic");
        assertThat(get("/orders/" + orderId + "/history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("registered", "reassigned", "reassigned");
    }

    @Test
    void aProbationUnitMayBeNamedBeforeItAllocatesAPractitionerAndTheCaseIsThenAllocatedToOne() throws Exception {
        var order = validOrder("UNALLOCATED-" + UUID.randomUUID());
        ((tools.jackson.databind.node.ObjectNode) order.get("agencies").get("probation")).remove("personId");
        var noOfficer = validOrder("NO-OIC-" + UUID.randomUUID());
        ((tools.jackson.databind.node.ObjectNode) noOfficer.get("agencies").get("police")).remove("personId");

        assertProblem(post("/orders", noOfficer), 400, "invalid-request", "agencies.police.personId");
        String orderId = registered(order);
        var registered = (uk.orderwatch.schemas.events.OrderRegistered) eventAt(orderId, 1);
        assertThat(registered.order().agencies().probation())
                .isEqualTo(new uk.orderwatch.schemas.events.Assignment("demo-probation", null));
        var allocated = post("/orders/" + orderId + "/reassignments",
                reassignment(AgencyKind.PROBATION, "demo-probation", "demo-practitioner"), PROBATION_SUPERVISOR);

        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        assertThat(get("/orders/" + orderId).get("agencies").get("probation").get("personId").asString())
                .isEqualTo("demo-practitioner");
    }

    @Test
    void movingTheCaseToAnotherProbationUnitMovesTheRequirementsItSupervises() throws Exception {
        String orderId = registered(validOrder("PDU-" + UUID.randomUUID()));

        var moved = post("/orders/" + orderId + "/reassignments",
                reassignment(AgencyKind.PROBATION, "north-probation", "north-practitioner"));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        var programme = moved.json().get("conditions").get(1);
        assertThat(programme.get("category").asString()).isEqualTo("PROGRAMME");
        assertThat(programme.get("supervisingAgencyId").asString()).isEqualTo("north-probation");
        assertThat(get("/orders/" + orderId, TestTokens.probation()).statusCode())
                .as("the old unit no longer sees the case").isEqualTo(404);
        assertThat(get("/orders/" + orderId, TestTokens.token("PROBATION", "north-probation", "north-practitioner"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aReassignmentThatCannotBeRightIsRefusedAndChangesNothing() throws Exception {
        String orderId = registered(validOrder("REFUSE-" + UUID.randomUUID()));
        String path = "/orders/" + orderId + "/reassignments";

        assertProblem(post(path, reassignment(AgencyKind.POLICE, "other-police", "other-oic")), 422, "same-force",
                "agencyId");
        assertProblem(post(path, reassignment(AgencyKind.PROBATION, "demo-probation", "demo-practitioner")), 422,
                "reassignment-changes", "personId");
        assertProblem(post(path, reassignment(AgencyKind.PROBATION, "demo-advocacy", "demo-caseworker")), 422,
                "agency-kind", "agencyId");
        assertProblem(post(path, reassignment(AgencyKind.ADVOCACY, "demo-advocacy", "nobody")), 422,
                "agency-person-unknown", "personId");
        assertProblem(post(path, reassignment(AgencyKind.PROBATION, "demo-probation", "demo-senior-practitioner"),
                TestTokens.probation()), 403, "forbidden", null);
        assertProblem(post(path, reassignment(AgencyKind.POLICE, "demo-police", "demo-oic-2"),
                PROBATION_SUPERVISOR), 403, "forbidden", null);
        assertProblem(post(path, reassignment(AgencyKind.PROBATION, "north-probation", "north-practitioner"),
                PROBATION_SUPERVISOR), 422, "own-agency-only", "agencyId");
        assertProblem(post(path, reassignment(AgencyKind.POLICE, "demo-police", "demo-oic-2"),
                TestTokens.token("POLICE", "other-police", "other-oic")), 404, "not-found", null);
        var vary = JSON.createObjectNode().put("reason", "r");
        vary.putObject("agencies").putObject("police").put("agencyId", "demo-police").put("personId", "demo-oic-2");
        assertThat(post("/orders/" + orderId + "/variations", vary).statusCode())
                .as("a variation no longer carries who works the case").isEqualTo(400);

        assertThat(get("/orders/" + orderId).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondProtectedPersonIsAddedAndEachAdvocateKeepsTheirPersonsDetailsCurrent() throws Exception {
        String orderId = registered(validOrder("PERSONS-" + UUID.randomUUID()));
        String secondAdvocate = TestTokens.token("ADVOCATE", "demo-advocacy", "demo-caseworker-2");

        var added = post("/orders/" + orderId + "/protected-persons",
                person("Sam Second", "SENTINEL-SECOND 4 Other Road", "demo-caseworker-2"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String secondId = added.json().get("protectedPersons").get(1).get("protectedPersonId").asString();
        String firstId = added.json().get("protectedPersons").get(0).get("protectedPersonId").asString();

        var moved = put("/orders/" + orderId + "/protected-persons/" + secondId,
                person("Sam Second", "SENTINEL-MOVED 9 New Street", "demo-caseworker-2"), secondAdvocate);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("protectedPersons")).hasSize(1);
        assertThat(moved.json().get("protectedPersons").get(0).get("address").asString())
                .isEqualTo("SENTINEL-MOVED 9 New Street");
        assertProblem(put("/orders/" + orderId + "/protected-persons/" + firstId,
                person("Jane Protected", "elsewhere", "demo-caseworker"), secondAdvocate), 404, "not-found", null);
        assertProblem(put("/orders/" + orderId + "/protected-persons/" + secondId,
                person("Sam Second", "elsewhere", null), TestTokens.probation()), 403, "forbidden", null);
        assertProblem(post("/orders/" + orderId + "/protected-persons",
                person("Someone", "somewhere", "demo-practitioner")), 422, "advocate-in-advocacy-service",
                "advocatePersonId");

        assertThat(published(orderId, 3)).containsExactly("order.registered@1", "order.protected-person-added@2",
                "order.protected-person-updated@3");
        var events = eventsFor(orderId, 3, Duration.ofSeconds(5));
        assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain("SENTINEL", "Sam Second"));
        var updated = (ProtectedPersonChanged) eventAt(orderId, 3);
        assertThat(updated.protectedPersonId()).isEqualTo(secondId);
        assertThat(updated.order().protectedPersonIds()).containsExactly(firstId, secondId);
        assertThat(updated.order().agencies().advocates()).as("each person's advocate is alerted")
                .containsExactly("demo-caseworker", "demo-caseworker-2");
        assertThat(updated.changedBy().personId()).isEqualTo("demo-caseworker-2");
        assertThat(get("/orders/" + orderId + "/history", TestTokens.probation()).json().valueStream()
                .map(h -> h.get("action").asString())).as("probation is not shown that a victim moved")
                .containsExactly("registered");
        assertThat(get("/orders/" + orderId + "/versions/3", TestTokens.probation()).statusCode()).isEqualTo(404);
    }
}
