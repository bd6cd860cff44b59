package uk.orderwatch.registry.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Programme;

/**
 * A condition as order-registry keeps it. The place of an exclusion zone ({@code zone}) may reveal where the victim
 * lives: it stays here and is left out of what other services receive.
 */
public record OrderCondition(
        String conditionId,
        ConditionCategory category,
        String description,
        String supervisingAgencyId,
        Programme programme,
        Integer distanceMetres,
        String policeStation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Zone zone) {

    /** An exclusion zone: the area described as the court did, and a radius around it. */
    public record Zone(String area, Integer radiusMetres) {
    }

    /** What other services may know of this condition. */
    public Condition shared() {
        return new Condition(conditionId, category, description, supervisingAgencyId, programme, distanceMetres,
                policeStation);
    }
}
