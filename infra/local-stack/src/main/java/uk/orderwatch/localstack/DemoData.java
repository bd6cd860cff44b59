package uk.orderwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo case of the local stack: its users (infra/identity-server's application.yml), its agencies and their duty
 * rotas and escalation policies (seeded into notification's directory) and the requests of the README's scenario.
 * The end-to-end tests, the fault-injection suite and the benchmark all drive the stack with these.
 */
public final class DemoData {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Officer in charge (demo-oic, Demo Constabulary): registers orders. */
    public static final String OIC = "alex.morgan";
    /** Probation practitioner (demo-practitioner): records attendance. */
    public static final String PRACTITIONER = "priya.shah";
    /** Advocacy caseworker (demo-caseworker): reports breaches. */
    public static final String CASEWORKER = "jo.evans";
    /** An officer of another force, who must see nothing of the demo case. */
    public static final String OTHER_FORCE = "kim.reed";
    public static final String ADMIN = "admin";
    /** A second administrator: approves a change of where an agency's alerts go that {@link #ADMIN} proposed. */
    public static final String SECOND_ADMIN = "second.admin";
    /** The supervisors of the three demo agencies: together they see every alert of the demo people. */
    public static final List<String> SUPERVISORS = List.of("sam.okafor", "chris.doyle", "rene.adeyemi");

    private DemoData() {
    }

    /**
     * The demo SPO of the README with a fresh case reference and the given victim address and phone, made a week ago
     * for the statutory minimum of two years (the file holds no dates, so the demo never goes stale).
     */
    public static ObjectNode order(String victimAddress, String victimPhone) {
        ObjectNode order = (ObjectNode) read("/demo/spo-order.json");
        LocalDate madeOn = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        order.put("courtCaseReference", "DEMO-" + UUID.randomUUID()).put("madeOn", madeOn.toString())
                .put("endsOn", madeOn.plusYears(2).toString());
        ObjectNode victim = (ObjectNode) order.get("protectedPersons").get(0);
        victim.put("address", victimAddress).put("phone", victimPhone);
        return order;
    }

    /** The advocate's report of a breach of the no-contact condition (c1). */
    public static ObjectNode breach(Instant occurredAt) {
        ObjectNode breach = JSON.createObjectNode();
        breach.put("conditionId", "c1").put("occurredAt", occurredAt.toString())
                .put("description", "Waited outside her workplace").put("location", "Her workplace");
        return breach;
    }

    /** Probation's record of a missed programme session (condition c2). */
    public static ObjectNode missedSession(Instant sessionStart) {
        ObjectNode missed = JSON.createObjectNode();
        missed.put("conditionId", "c2").put("sessionStart", sessionStart.toString()).put("attended", "NO");
        return missed;
    }

    /** The demo agencies as notification's directory takes them ({@code agencyId} plus the PUT body). */
    public static List<ObjectNode> agencies() {
        List<ObjectNode> agencies = new ArrayList<>();
        read("/demo/agencies.json").forEach(a -> agencies.add((ObjectNode) a));
        return agencies;
    }

    /** Each demo agency's rotas and escalation policies, by agency id: {@code rotas} by id and {@code policies}. */
    public static JsonNode duty() {
        return read("/demo/duty.json");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
