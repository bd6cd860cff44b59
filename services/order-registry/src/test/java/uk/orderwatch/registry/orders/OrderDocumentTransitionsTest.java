package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.web.Problem;

/**
 * An order's life cycle under any sequence of changes: each step either moves the order as the table below says,
 * adding one version and one history entry, or is refused with the rule's name and changes nothing.
 */
class OrderDocumentTransitionsTest {

    enum Step { SERVE, VARY, RENEW, REASSIGN, ADD_PROTECTED_PERSON, END_INTERIM, DISCHARGE, EXPIRE, SUPERSEDE }

    static final Actor OIC = new Actor("demo-oic", "demo-police");
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    /** The life cycle, written out: the status after a step, or null where the step is refused. */
    static OrderStatus after(OrderStatus from, Step step) {
        boolean active = from == OrderStatus.GRANTED || from == OrderStatus.SERVED;
        if (!active) {
            return null;
        }
        return switch (step) {
            case END_INTERIM -> null; // the order is a full SPO
            case SERVE -> from == OrderStatus.SERVED ? null : OrderStatus.SERVED;
            case VARY, RENEW, REASSIGN, ADD_PROTECTED_PERSON -> from;
            case DISCHARGE -> OrderStatus.DISCHARGED;
            case EXPIRE -> OrderStatus.EXPIRED;
            case SUPERSEDE -> OrderStatus.SUPERSEDED;
        };
    }

    static String refusal(OrderStatus from, Step step) {
        if (step == Step.SERVE && from == OrderStatus.SERVED) {
            return "serve-once";
        }
        return switch (step) {
            case ADD_PROTECTED_PERSON -> "change-active-only";
            case END_INTERIM -> from == OrderStatus.GRANTED || from == OrderStatus.SERVED ? "interim-only"
                    : "end-active-only";
            default -> step.name().toLowerCase() + "-active-only";
        };
    }

    static OrderDocument granted() {
        return OrderDocument.granted("o-1", OrderType.SPO, new Court("Oxford Magistrates' Court", "B43KQ"),
                "43KQ0123456", LocalDate.of(2026, 5, 20), LocalDate.of(2028, 5, 20), false,
                new OrderDocument.Subject("John Example", List.of(), LocalDate.of(1985, 3, 2), null, null, null),
                List.of(), List.of(), new AgencyAssignments(new Assignment("demo-police", "demo-oic"), null, null),
                null, null, OIC, NOW);
    }

    static void apply(OrderDocument order, Step step) {
        switch (step) {
            case SERVE -> order.serve(NOW.minusSeconds(3600), OIC, NOW);
            case VARY -> order.vary(null, null, null, "Court varied the order", OIC, NOW);
            case REASSIGN -> order.reassign(AgencyKind.POLICE, new Assignment("demo-police", "demo-oic-2"), OIC, NOW);
            case END_INTERIM -> order.endInterim(OrderStatus.FULL_ORDER_REFUSED, OIC, NOW);
            case ADD_PROTECTED_PERSON -> order.addProtectedPerson(new OrderDocument.ProtectedPerson("pp-2", "Sam",
                    null, null, null, null, null), OIC, NOW);
            case RENEW -> order.renew(LocalDate.of(2030, 5, 20), false, OIC, NOW);
            case DISCHARGE -> order.discharge("Discharged on application", OIC, NOW);
            case EXPIRE -> order.expire(NOW);
            case SUPERSEDE -> order.supersede("o-2", OIC, NOW);
        }
    }

    @Property
    void everySequenceOfChangesFollowsTheLifeCycle(@ForAll @Size(max = 8) List<Step> steps) {
        OrderDocument order = granted();
        assertThat(order.status()).isEqualTo(OrderStatus.GRANTED);
        assertThat(order.version()).isEqualTo(1);
        for (Step step : steps) {
            OrderStatus from = order.status();
            long version = order.version();
            int history = order.history().size();
            OrderStatus expected = after(from, step);
            if (expected == null) {
                assertThatThrownBy(() -> apply(order, step)).isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.code()).isEqualTo(refusal(from, step)));
                assertThat(order.status()).isEqualTo(from);
                assertThat(order.version()).isEqualTo(version);
                assertThat(order.history()).hasSize(history);
            } else {
                apply(order, step);
                assertThat(order.status()).as("%s after %s", from, step).isEqualTo(expected);
                assertThat(order.version()).isEqualTo(version + 1);
                assertThat(order.history()).hasSize(history + 1);
                assertThat(order.history().get(history).version()).isEqualTo(version + 1);
            }
        }
    }
}
