package uk.orderwatch.schemas.events;

/**
 * One prohibition or requirement of an order, as the court made it.
 *
 * @param conditionId         stable id within the order
 * @param supervisingAgencyId the agency that supervises a requirement; null for a prohibition
 * @param programme           set for a {@link ConditionCategory#PROGRAMME} requirement
 */
public record Condition(
        String conditionId,
        ConditionCategory category,
        String description,
        String supervisingAgencyId,
        Programme programme) {

    public ConditionKind kind() {
        return category.kind();
    }
}
