package uk.orderwatch.registry.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Programme;

/**
 * A condition as order-registry keeps it. Its wording ({@code description}) and the place of an exclusion zone
 * ({@code zone}) are typed by people and may reveal where the victim lives: they stay here and are left out of what
 * other services receive ({@link OrderDisclosure} says which roles read them).
 */
public record OrderCondition(
        String conditionId,
        ConditionCategory category,
        String description,
        String supervisingAgencyId,
        Programme programme,
        Integer distanceMetres,
        String policeStation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Zone zone,
        String responsiblePersonId) {

    /** An exclusion zone: the area described as the court did, and a radius around it. */
    public record Zone(String area, Integer radiusMetres) {
    }

    /** The same requirement supervised by another agency and the person there now responsible for it. */
    OrderCondition supervisedBy(String agencyId, String personId) {
        return new OrderCondition(conditionId, category, description, agencyId, programme, distanceMetres,
                policeStation, zone, personId);
    }

    /** What other services may know of this condition. */
    public Condition shared() {
        return new Condition(conditionId, category, supervisingAgencyId, programme, distanceMetres, policeStation,
                responsiblePersonId);
    }
}
