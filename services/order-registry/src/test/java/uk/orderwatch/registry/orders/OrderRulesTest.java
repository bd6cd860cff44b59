package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.web.Problem;

/** The rules of an order's dates, as properties over any day an order could be made and any length it could run. */
class OrderRulesTest {

    @Provide
    Arbitrary<LocalDate> madeOn() {
        // any day from 2019 (the Act) to 2040, leap days included
        return Arbitraries.longs().between(0, 21 * 366).map(d -> LocalDate.of(2019, 1, 1).plusDays(d));
    }

    @Property
    void aFullSpoShorterThanTwoYearsIsRefused(@ForAll("madeOn") LocalDate madeOn,
                                              @ForAll @IntRange(min = 1, max = 730) int daysShort) {
        LocalDate endsOn = madeOn.plusYears(2).minusDays(daysShort);
        if (!endsOn.isAfter(madeOn)) {
            return; // refused for ending before it was made, tested below
        }
        assertRule(() -> OrderRules.checkEnd(OrderType.SPO, madeOn, endsOn, false), "spo-minimum-duration",
                "endsOn");
    }

    @Property
    void aFullSpoOfTwoYearsOrMoreIsAccepted(@ForAll("madeOn") LocalDate madeOn,
                                            @ForAll @IntRange(min = 0, max = 3650) int daysMore) {
        assertThatCode(() -> OrderRules.checkEnd(OrderType.SPO, madeOn, madeOn.plusYears(2).plusDays(daysMore),
                false)).doesNotThrowAnyException();
    }

    @Property
    void otherOrdersMayBeShorterThanTwoYearsButMustEndAfterTheyWereMade(
            @ForAll("madeOn") LocalDate madeOn, @ForAll @IntRange(min = 1, max = 729) int days) {
        for (OrderType type : new OrderType[] {OrderType.INTERIM_SPO, OrderType.DAPO, OrderType.RESTRAINING_ORDER,
            OrderType.NON_MOLESTATION_ORDER}) {
            assertThatCode(() -> OrderRules.checkEnd(type, madeOn, madeOn.plusDays(days), false))
                    .doesNotThrowAnyException();
        }
    }

    @Property
    void noOrderEndsOnOrBeforeTheDayItWasMade(@ForAll("madeOn") LocalDate madeOn,
                                              @ForAll @IntRange(min = 0, max = 400) int daysBefore,
                                              @ForAll OrderType type) {
        assertRule(() -> OrderRules.checkEnd(type, madeOn, madeOn.minusDays(daysBefore), false), "end-before-made",
                "endsOn");
    }

    @Test
    void anEndIsEitherADateOrUntilFurtherOrderAndAnInterimOrderHasADate() {
        LocalDate madeOn = LocalDate.of(2026, 3, 29);
        assertRule(() -> OrderRules.checkEnd(OrderType.SPO, madeOn, madeOn.plusYears(3), true), "end-ambiguous",
                "endsOn");
        assertRule(() -> OrderRules.checkEnd(OrderType.SPO, madeOn, null, false), "end-missing", "endsOn");
        assertRule(() -> OrderRules.checkEnd(OrderType.INTERIM_SPO, madeOn, null, true), "interim-fixed-end",
                "untilFurtherOrder");
        assertThatCode(() -> OrderRules.checkEnd(OrderType.SPO, madeOn, null, true)).doesNotThrowAnyException();
    }

    @Test
    void serviceCountsFromMidnightInTheCourtsTimeZoneOnTheDayTheOrderWasMade() {
        // on 30 March 2026 British Summer Time is in force: the court's midnight is 23:00 UTC the day before
        LocalDate madeOn = LocalDate.of(2026, 3, 30);
        Instant now = Instant.parse("2026-04-10T12:00:00Z");
        assertRule(() -> OrderRules.checkServedAt(Instant.parse("2026-03-29T22:59:59Z"), madeOn, now),
                "served-before-made", "servedAt");
        assertThatCode(() -> OrderRules.checkServedAt(Instant.parse("2026-03-29T23:00:00Z"), madeOn, now))
                .doesNotThrowAnyException();
        // in winter the court's midnight is midnight UTC
        LocalDate winter = LocalDate.of(2026, 1, 15);
        assertRule(() -> OrderRules.checkServedAt(Instant.parse("2026-01-14T23:59:59Z"), winter, now),
                "served-before-made", "servedAt");
        assertThatCode(() -> OrderRules.checkServedAt(Instant.parse("2026-01-15T00:00:00Z"), winter, now))
                .doesNotThrowAnyException();
        assertRule(() -> OrderRules.checkServedAt(now.plusSeconds(1), madeOn, now), "served-in-future", "servedAt");
    }

    @Test
    void aDischargeFallsBetweenTheDayTheOrderWasMadeAndToday() {
        LocalDate madeOn = LocalDate.of(2026, 1, 15);
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertRule(() -> OrderRules.checkDischarge(madeOn.minusDays(1), madeOn, today), "discharged-before-made",
                "dischargedOn");
        assertRule(() -> OrderRules.checkDischarge(today.plusDays(1), madeOn, today), "discharged-in-future",
                "dischargedOn");
        assertThatCode(() -> OrderRules.checkDischarge(madeOn, madeOn, today)).doesNotThrowAnyException();
        assertThatCode(() -> OrderRules.checkDischarge(today, madeOn, today)).doesNotThrowAnyException();
    }

    private static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String rule,
                                   String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> {
            org.assertj.core.api.Assertions.assertThat(p.code()).isEqualTo(rule);
            org.assertj.core.api.Assertions.assertThat(p.errors()).extracting(Problem.FieldProblem::field)
                    .containsExactly(field);
        });
    }
}
