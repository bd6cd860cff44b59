package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.registry.directory.KnownAgency;
import uk.orderwatch.registry.orders.RegisterOrderRequest.AgenciesDto;
import uk.orderwatch.registry.orders.RegisterOrderRequest.AssignmentDto;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ConditionDto;
import uk.orderwatch.schemas.events.AgencyKind;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.ConditionKind;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.NotificationExemption;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.support.web.Problem;

/**
 * The rules an order must satisfy, each refused with the field, the reason and the rule's name before anything is
 * stored. The one place these rules live.
 */
final class OrderRules {

    /** A full SPO lasts at least two years, unless it runs until further order (Stalking Protection Act 2019 s.3). */
    static final Period SPO_MINIMUM = Period.ofYears(2);
    /** The most people one order protects: a bound on what one request stores, far above any real order. */
    static final int MOST_PROTECTED_PERSONS = 20;

    private OrderRules() {
    }

    /** Today in the court's time zone: the day a made-on or discharged-on date is compared with. */
    static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(uk.orderwatch.schemas.events.Court.ZONE));
    }

    static void checkRegistration(RegisterOrderRequest r, LocalDate today, AgencyDirectory directory) {
        if (r.madeOn().isAfter(today)) {
            throw Problem.rule("made-in-future", "madeOn", "an order cannot be made after today (" + today + ")");
        }
        checkEnd(r.type(), r.madeOn(), r.endsOn(), r.endsUntilFurtherOrder());
        if (r.interimOrderId() != null && r.type() != OrderType.SPO) {
            throw Problem.rule("interim-replaced-by-full-spo", "interimOrderId",
                    "only a full SPO replaces an interim SPO");
        }
        checkAgencies(r.agencies(), directory, "agencies");
        for (int i = 0; i < r.conditions().size(); i++) {
            if (r.conditions().get(i).conditionId() != null) {
                throw Problem.invalid("conditions[" + i + "].conditionId", "is assigned by orderwatch");
            }
        }
        checkConditions(r.type(), r.conditions(), r.agencies(), directory, "conditions");
        if (r.notificationExemption() == NotificationExemption.REPLACES_SERVED_INTERIM) {
            throw Problem.rule("exemption-by-orderwatch", "notificationExemption", "a full SPO that replaces a "
                    + "served interim SPO is exempt by naming it in interimOrderId");
        }
        if (r.notificationExemption() != null && r.type() != OrderType.SPO && r.type() != OrderType.INTERIM_SPO) {
            throw Problem.rule("exemption-spo-only", "notificationExemption", "the exemption of Stalking Protection "
                    + "Act 2019 s.9(5) is for a stalking protection order");
        }
        for (int i = 0; i < r.protectedPersons().size(); i++) {
            checkAdvocate(r.protectedPersons().get(i).advocatePersonId(),
                    OrderMapping.assignment(r.agencies().advocacy()), directory,
                    "protectedPersons[" + i + "].advocatePersonId");
        }
    }

    /** A protected person's own advocate, when named, works for the order's advocacy service. */
    static void checkAdvocate(String advocatePersonId, Assignment advocacy, AgencyDirectory directory, String field) {
        if (advocatePersonId != null && (advocacy == null
                || !person(directory, advocacy.agencyId(), advocatePersonId))) {
            throw Problem.rule("advocate-in-advocacy-service", field,
                    "the advocate must be a person of the order's advocacy service");
        }
    }

    /**
     * A reassignment names a person of an agency of the right kind in the directory, changes something, and keeps
     * the order with the force that holds it.
     */
    static void checkReassignment(OrderDocument order, ReassignOrderRequest r, AgencyDirectory directory) {
        Assignment current = order.agencies().of(r.agencyKind());
        if (r.agencyKind() == AgencyKind.POLICE && !current.agencyId().equals(r.agencyId())) {
            throw Problem.rule("same-force", "agencyId", "the order stays with " + current.agencyId()
                    + ": an order moves to another force by that force registering it");
        }
        if (current != null && current.agencyId().equals(r.agencyId())
                && java.util.Objects.equals(current.personId(), r.personId())) {
            throw Problem.rule("reassignment-changes", "personId", r.personId() + " already has this case");
        }
        checkAssignment(new AssignmentDto(r.agencyId(), r.personId()), r.agencyKind(), directory, "");
    }

    /** The end of an order: a fixed date after the day it was made, or until further order, never both. */
    static void checkEnd(OrderType type, LocalDate madeOn, LocalDate endsOn, boolean untilFurtherOrder) {
        if (untilFurtherOrder && endsOn != null) {
            throw Problem.rule("end-ambiguous", "endsOn", "give either endsOn or untilFurtherOrder, not both");
        }
        if (!untilFurtherOrder && endsOn == null) {
            throw Problem.rule("end-missing", "endsOn", "an order needs an end date unless it is until further order");
        }
        if (type == OrderType.INTERIM_SPO && untilFurtherOrder) {
            throw Problem.rule("interim-fixed-end", "untilFurtherOrder", "an interim SPO has a fixed end date");
        }
        if (endsOn != null && !endsOn.isAfter(madeOn)) {
            throw Problem.rule("end-before-made", "endsOn", "the end must be after the date the order was made");
        }
        if (type == OrderType.SPO && endsOn != null && endsOn.isBefore(madeOn.plus(SPO_MINIMUM))) {
            throw Problem.rule("spo-minimum-duration", "endsOn",
                    "a full SPO lasts at least 2 years (until " + madeOn.plus(SPO_MINIMUM)
                            + " or later) unless it is until further order");
        }
    }

    static void checkConditions(OrderType type, List<ConditionDto> conditions, AgenciesDto agencies,
                                AgencyDirectory directory, String field) {
        for (int i = 0; i < conditions.size(); i++) {
            checkCondition(type, conditions.get(i), agencies, directory, field + "[" + i + "]");
        }
    }

    private static void checkCondition(OrderType type, ConditionDto c, AgenciesDto agencies,
                                       AgencyDirectory directory, String field) {
        checkResponsiblePerson(type, c, directory, field + ".responsiblePersonId");
        if (c.category().kind() == ConditionKind.REQUIREMENT) {
            if (c.supervisingAgencyId() == null || c.supervisingAgencyId().isBlank()) {
                throw Problem.rule("requirement-supervisor", field + ".supervisingAgencyId",
                        "every requirement names the agency that supervises it");
            }
            if (!assigned(agencies, c.supervisingAgencyId())) {
                throw Problem.rule("requirement-supervisor", field + ".supervisingAgencyId",
                        "the supervising agency must be one of the order's agencies");
            }
        } else if (c.supervisingAgencyId() != null) {
            throw Problem.rule("prohibition-supervisor", field + ".supervisingAgencyId",
                    "a prohibition has no supervising agency");
        }
        onlyFor(c.category(), ConditionCategory.PROGRAMME, c.programme() != null, field + ".programme",
                "the programme, provider and number of sessions");
        onlyFor(c.category(), ConditionCategory.EXCLUSION_ZONE, c.zone() != null, field + ".zone",
                "the area and radius of the zone");
        onlyFor(c.category(), ConditionCategory.NO_APPROACH, c.distanceMetres() != null, field + ".distanceMetres",
                "the distance in metres");
        onlyFor(c.category(), ConditionCategory.SIGN_ON, c.policeStation() != null, field + ".policeStation",
                "the police station");
    }

    /**
     * A requirement's responsible person works at the agency that supervises it; a DAPO's requirements each name one
     * (Domestic Abuse Act 2021 s.36); a prohibition has none.
     */
    private static void checkResponsiblePerson(OrderType type, ConditionDto c, AgencyDirectory directory,
                                               String field) {
        boolean requirement = c.category().kind() == ConditionKind.REQUIREMENT;
        if (c.responsiblePersonId() == null) {
            if (requirement && type == OrderType.DAPO) {
                throw Problem.rule("dapo-responsible-person", field, "a DAPO names the person responsible for each "
                        + "requirement (Domestic Abuse Act 2021 s.36)");
            }
            return;
        }
        if (!requirement) {
            throw Problem.rule("prohibition-supervisor", field, "a prohibition has no responsible person");
        }
        if (c.supervisingAgencyId() != null && !person(directory, c.supervisingAgencyId(), c.responsiblePersonId())) {
            throw Problem.rule("agency-person-unknown", field, "no person " + c.responsiblePersonId() + " in "
                    + c.supervisingAgencyId());
        }
    }

    /** {@code detail} is given for a condition of {@code category} and for no other. */
    private static void onlyFor(ConditionCategory actual, ConditionCategory category, boolean given, String field,
                                String detail) {
        if (actual == category && !given) {
            throw Problem.rule("condition-details", field, "a " + category + " condition names " + detail);
        }
        if (actual != category && given) {
            throw Problem.rule("condition-details", field, "only a " + category + " condition has this");
        }
    }

    private static boolean assigned(AgenciesDto a, String agencyId) {
        return agencyId.equals(a.police().agencyId())
                || (a.probation() != null && agencyId.equals(a.probation().agencyId()))
                || (a.advocacy() != null && agencyId.equals(a.advocacy().agencyId()));
    }

    /** Each assigned agency is in the directory, of the right kind, and the named person works there. */
    static void checkAgencies(AgenciesDto a, AgencyDirectory directory, String field) {
        checkAssignment(a.police(), AgencyKind.POLICE, directory, field + ".police");
        checkAssignment(a.probation(), AgencyKind.PROBATION, directory, field + ".probation");
        checkAssignment(a.advocacy(), AgencyKind.ADVOCACY, directory, field + ".advocacy");
    }

    private static void checkAssignment(AssignmentDto assignment, AgencyKind kind, AgencyDirectory directory,
                                        String prefix) {
        String field = prefix.isEmpty() ? "" : prefix + ".";
        if (assignment == null) {
            return;
        }
        KnownAgency agency = directory.find(assignment.agencyId()).orElseThrow(() -> Problem.rule("agency-unknown",
                field + "agencyId", "no agency " + assignment.agencyId() + " in the directory"));
        if (agency.kind() != kind) {
            throw Problem.rule("agency-kind", field + "agencyId",
                    assignment.agencyId() + " is a " + agency.kind() + " agency, not " + kind);
        }
        if (assignment.personId() == null) {
            if (kind == AgencyKind.POLICE) {
                throw Problem.invalid(field + "personId", "is required: the officer in charge");
            }
            return;
        }
        if (!agency.hasPerson(assignment.personId())) {
            throw Problem.rule("agency-person-unknown", field + "personId",
                    "no person " + assignment.personId() + " in " + assignment.agencyId());
        }
    }

    private static boolean person(AgencyDirectory directory, String agencyId, String personId) {
        return directory.find(agencyId).map(a -> a.hasPerson(personId)).orElse(false);
    }

    /** Served: not before the day the order was made, not in the future. */
    static void checkServedAt(Instant servedAt, LocalDate madeOn, Instant now) {
        if (servedAt.isAfter(now)) {
            throw Problem.rule("served-in-future", "servedAt", "service cannot be recorded before it happens");
        }
        if (servedAt.isBefore(madeOn.atStartOfDay(Court.ZONE).toInstant())) {
            throw Problem.rule("served-before-made", "servedAt", "the order was made on " + madeOn
                    + "; it cannot be served before that");
        }
    }

    /** An interim order's application for the full order was decided: not in the future, not before it was made. */
    static void checkInterimEnd(OrderStatus outcome, LocalDate decidedOn, LocalDate madeOn, LocalDate today) {
        if (outcome != OrderStatus.FULL_ORDER_REFUSED && outcome != OrderStatus.APPLICATION_WITHDRAWN) {
            throw Problem.rule("interim-end-outcome", "outcome", "is FULL_ORDER_REFUSED or APPLICATION_WITHDRAWN; a "
                    + "full order granted is registered naming the interim order in interimOrderId");
        }
        if (decidedOn.isAfter(today)) {
            throw Problem.rule("decided-in-future", "decidedOn", "record the decision once it was made");
        }
        if (decidedOn.isBefore(madeOn)) {
            throw Problem.rule("decided-before-made", "decidedOn", "the interim order was made on " + madeOn);
        }
    }

    static void checkDischarge(LocalDate dischargedOn, LocalDate madeOn, LocalDate today) {
        if (dischargedOn.isAfter(today)) {
            throw Problem.rule("discharged-in-future", "dischargedOn", "a discharge is recorded once the court made it");
        }
        if (dischargedOn.isBefore(madeOn)) {
            throw Problem.rule("discharged-before-made", "dischargedOn", "the order was made on " + madeOn);
        }
    }

    /** A renewal moves the end later, or makes the order run until further order. */
    static void checkRenewal(OrderDocument order, LocalDate endsOn, boolean untilFurtherOrder) {
        checkEnd(order.orderType(), order.madeOn(), endsOn, untilFurtherOrder);
        if (order.untilFurtherOrder()) {
            throw Problem.conflict("renew-fixed-end-only", "order " + order.id()
                    + " already lasts until further order");
        }
        if (!untilFurtherOrder && !endsOn.isAfter(order.endsOn())) {
            throw Problem.rule("renewal-extends", "endsOn", "a renewal ends after the current end, " + order.endsOn());
        }
    }
}
