package uk.orderwatch.registry.orders;

import java.util.List;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

/**
 * What of an order each role is shown (field-level rules; who sees the order at all is
 * {@link uk.orderwatch.support.security.CaseAccess}):
 * <ul>
 *   <li>police of the force holding it: everything, protected persons and exclusion-zone places included;</li>
 *   <li>the advocacy service assigned: the order, and of the protected persons only the one(s) the caller advocates
 *       for; exclusion-zone places (they help plan the victim's safety);</li>
 *   <li>the probation delivery unit assigned: the order without protected persons (the field is absent), without
 *       exclusion zones' places and wording, and without the reasons the court gave for a variation or discharge:
 *       all may reveal where the victim lives.</li>
 * </ul>
 * Free text, field by field: a condition's wording is read by police, probation and the advocate, except an exclusion
 * zone's (police and the advocate); the court's reason for a variation or discharge by police and the advocate. None
 * of it travels in the events. Probation is not shown that a protected person was added or their details changed:
 * the history it reads leaves those entries out (a change of address is itself a clue to a move).
 */
final class OrderDisclosure {

    private OrderDisclosure() {
    }

    static OrderView view(OrderDocument o, Caller caller) {
        return new OrderView(o.id(), o.version(), o.orderType(), o.status(), o.court(), o.courtCaseReference(),
                o.madeOn(), o.servedAt(), o.endsOn(), o.untilFurtherOrder(), o.subject(),
                protectedPersons(o.protectedPersons(), caller), conditions(o.conditions(), caller), o.agencies(),
                o.interimOrderId(), o.fullOrderId(), o.notificationExemption());
    }

    /** The history entries the caller is shown. */
    static List<OrderDocument.HistoryEntry> history(List<OrderDocument.HistoryEntry> all, Caller caller) {
        return all.stream().filter(h -> shown(h, caller)).map(h -> history(h, caller)).toList();
    }

    /** Whether the caller is shown one entry of the history. */
    static boolean shown(OrderDocument.HistoryEntry h, Caller caller) {
        return caller.is(Role.POLICE, Role.ADVOCATE) || !aboutProtectedPersons(h);
    }

    private static boolean aboutProtectedPersons(OrderDocument.HistoryEntry h) {
        return h.action().startsWith("protected-person");
    }

    static OrderDocument.HistoryEntry history(OrderDocument.HistoryEntry h, Caller caller) {
        OrderTerms t = h.terms();
        return new OrderDocument.HistoryEntry(h.version(), h.action(), h.by(), h.at(),
                caller.is(Role.POLICE, Role.ADVOCATE) ? h.reason() : null,
                new OrderTerms(t.status(), t.servedAt(), t.endsOn(), t.untilFurtherOrder(),
                        conditions(t.conditions(), caller), t.agencies()));
    }

    /** Null (absent from the body) for probation; an advocate's own protected persons; all for police. */
    static List<OrderDocument.ProtectedPerson> protectedPersons(List<OrderDocument.ProtectedPerson> all,
                                                                 Caller caller) {
        return switch (caller.role()) {
            case POLICE -> all;
            case ADVOCATE -> all.stream().filter(p -> caller.personId().equals(p.advocatePersonId())).toList();
            case PROBATION, ADMIN -> null;
        };
    }

    static List<OrderCondition> conditions(List<OrderCondition> conditions, Caller caller) {
        if (caller.is(Role.POLICE, Role.ADVOCATE)) {
            return conditions;
        }
        return conditions.stream().map(c -> !placeOf(c) ? c : new OrderCondition(c.conditionId(), c.category(),
                null, c.supervisingAgencyId(), c.programme(), c.distanceMetres(), c.policeStation(), null,
                c.responsiblePersonId())).toList();
    }

    /** An exclusion zone: its wording names the place as surely as its area does. */
    private static boolean placeOf(OrderCondition c) {
        return c.category() == ConditionCategory.EXCLUSION_ZONE || c.zone() != null;
    }
}
