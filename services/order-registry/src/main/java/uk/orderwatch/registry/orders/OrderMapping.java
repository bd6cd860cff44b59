package uk.orderwatch.registry.orders;

import java.util.ArrayList;
import java.util.List;
import uk.orderwatch.registry.orders.RegisterOrderRequest.AgenciesDto;
import uk.orderwatch.registry.orders.RegisterOrderRequest.ConditionDto;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.Programme;
import uk.orderwatch.support.web.Problem;

/** Between what a request says about conditions and agencies and what an order holds. */
final class OrderMapping {

    private OrderMapping() {
    }

    /** The new condition list; a condition that names an existing id keeps it, a new one gets the next number. */
    static List<OrderCondition> conditions(List<ConditionDto> requested, List<OrderCondition> existing) {
        int next = existing.stream().mapToInt(c -> Integer.parseInt(c.conditionId().substring(1))).max().orElse(0);
        List<OrderCondition> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            var c = requested.get(i);
            String id = c.conditionId();
            if (id != null && existing.stream().noneMatch(e -> e.conditionId().equals(id))) {
                throw Problem.rule("condition-unknown", "conditions[" + i + "].conditionId",
                        "the order has no condition " + id + "; leave conditionId out for a new condition");
            }
            if (id != null && result.stream().anyMatch(e -> e.conditionId().equals(id))) {
                throw Problem.invalid("conditions[" + i + "].conditionId", "appears twice");
            }
            var programme = c.programme() == null ? null : new Programme(c.programme().name(),
                    c.programme().provider(), c.programme().sessions(), c.programme().schedule() == null ? null
                    : new Programme.Schedule(c.programme().schedule().firstSessionAt(),
                    c.programme().schedule().intervalDays(), c.programme().schedule().durationMinutes()));
            var zone = c.zone() == null ? null : new OrderCondition.Zone(c.zone().area(), c.zone().radiusMetres());
            result.add(new OrderCondition(id != null ? id : "c" + (++next), c.category(), c.description(),
                    c.supervisingAgencyId(), programme, c.distanceMetres(), c.policeStation(), zone,
                    c.responsiblePersonId()));
        }
        return result;
    }

    static String newProtectedPersonId() {
        return "pp-" + java.util.UUID.randomUUID();
    }

    static OrderDocument.ProtectedPerson protectedPerson(String protectedPersonId,
                                                         RegisterOrderRequest.ProtectedPersonDto p) {
        return new OrderDocument.ProtectedPerson(protectedPersonId, p.name(), p.address(), p.phone(), p.email(),
                p.safeContactPreferences(), p.advocatePersonId());
    }

    static ConditionDto dto(OrderCondition c) {
        return new ConditionDto(c.conditionId(), c.category(), c.description(), c.supervisingAgencyId(),
                c.programme() == null ? null : new RegisterOrderRequest.ProgrammeDto(c.programme().name(),
                        c.programme().provider(), c.programme().sessions(), null),
                c.distanceMetres(), c.policeStation(),
                c.zone() == null ? null : new RegisterOrderRequest.ZoneDto(c.zone().area(), c.zone().radiusMetres()),
                c.responsiblePersonId());
    }

    static AgenciesDto dto(AgencyAssignments a) {
        return new AgenciesDto(dto(a.police()), dto(a.probation()), dto(a.advocacy()));
    }

    static RegisterOrderRequest.AssignmentDto dto(Assignment a) {
        return a == null ? null : new RegisterOrderRequest.AssignmentDto(a.agencyId(), a.personId());
    }

    static AgencyAssignments assignments(AgenciesDto a) {
        return new AgencyAssignments(assignment(a.police()), assignment(a.probation()), assignment(a.advocacy()));
    }

    static Assignment assignment(RegisterOrderRequest.AssignmentDto a) {
        return a == null ? null : new Assignment(a.agencyId(), a.personId());
    }
}
