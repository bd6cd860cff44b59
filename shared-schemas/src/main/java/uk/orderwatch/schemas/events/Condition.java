package uk.orderwatch.schemas.events;

/**
 * One prohibition or requirement of an order, as the court made it.
 *
 * @param conditionId         stable id within the order
 * @param supervisingAgencyId the agency that supervises a requirement; null for a prohibition
 * @param programme           set for a {@link ConditionCategory#PROGRAMME} requirement
 * @param distanceMetres      for {@link ConditionCategory#NO_APPROACH}: how near the subject may not come
 * @param policeStation       for {@link ConditionCategory#SIGN_ON}: where the subject signs on
 * The place of an exclusion zone is not here: it may reveal where the victim lives, so it stays in order-registry.
 */
public record Condition(
        String conditionId,
        ConditionCategory category,
        String description,
        String supervisingAgencyId,
        Programme programme,
        Integer distanceMetres,
        String policeStation) {

    public ConditionKind kind() {
        return category.kind();
    }
}
