package uk.orderwatch.registry.orders;

import java.time.LocalDate;
import java.time.Period;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.ConditionKind;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.web.Problem;

/** The rules a registered order must satisfy, each refused with the field and the reason before anything is stored. */
final class OrderRules {

    /** A full SPO lasts at least two years, unless it runs until further order (Stalking Protection Act 2019 s.3). */
    static final Period SPO_MINIMUM = Period.ofYears(2);

    private OrderRules() {
    }

    static void check(RegisterOrderRequest r, LocalDate today) {
        if (r.madeOn().isAfter(today)) {
            throw Problem.rule("made-in-future", "madeOn", "an order cannot be made after today (" + today + ")");
        }
        if (r.endsUntilFurtherOrder() && r.endsOn() != null) {
            throw Problem.rule("end-ambiguous", "endsOn", "give either endsOn or untilFurtherOrder, not both");
        }
        if (!r.endsUntilFurtherOrder() && r.endsOn() == null) {
            throw Problem.rule("end-missing", "endsOn", "an order needs an end date unless it is until further order");
        }
        if (r.type() == OrderType.INTERIM_SPO && r.endsUntilFurtherOrder()) {
            throw Problem.rule("interim-fixed-end", "untilFurtherOrder", "an interim SPO has a fixed end date");
        }
        if (r.endsOn() != null && !r.endsOn().isAfter(r.madeOn())) {
            throw Problem.rule("end-before-made", "endsOn", "the end must be after the date the order was made");
        }
        if (r.type() == OrderType.SPO && r.endsOn() != null && r.endsOn().isBefore(r.madeOn().plus(SPO_MINIMUM))) {
            throw Problem.rule("spo-minimum-duration", "endsOn",
                    "a full SPO lasts at least 2 years (until " + r.madeOn().plus(SPO_MINIMUM)
                            + " or later) unless it is until further order");
        }
        for (int i = 0; i < r.conditions().size(); i++) {
            checkCondition(r, r.conditions().get(i), "conditions[" + i + "]");
        }
    }

    private static void checkCondition(RegisterOrderRequest r, RegisterOrderRequest.ConditionDto c, String field) {
        if (c.category().kind() == ConditionKind.REQUIREMENT) {
            if (c.supervisingAgencyId() == null || c.supervisingAgencyId().isBlank()) {
                throw Problem.rule("requirement-supervisor", field + ".supervisingAgencyId",
                        "every requirement names the agency that supervises it");
            }
            if (!assigned(r.agencies(), c.supervisingAgencyId())) {
                throw Problem.rule("requirement-supervisor", field + ".supervisingAgencyId",
                        "the supervising agency must be one of the order's agencies");
            }
        } else if (c.supervisingAgencyId() != null) {
            throw Problem.rule("prohibition-supervisor", field + ".supervisingAgencyId",
                    "a prohibition has no supervising agency");
        }
        if (c.category() == ConditionCategory.PROGRAMME && c.programme() == null) {
            throw Problem.rule("programme-details", field + ".programme",
                    "a programme requirement names the programme, provider and number of sessions");
        }
        if (c.category() != ConditionCategory.PROGRAMME && c.programme() != null) {
            throw Problem.rule("programme-details", field + ".programme",
                    "only a PROGRAMME requirement has programme details");
        }
    }

    private static boolean assigned(RegisterOrderRequest.AgenciesDto a, String agencyId) {
        return agencyId.equals(a.police().agencyId())
                || (a.probation() != null && agencyId.equals(a.probation().agencyId()))
                || (a.advocacy() != null && agencyId.equals(a.advocacy().agencyId()));
    }
}
