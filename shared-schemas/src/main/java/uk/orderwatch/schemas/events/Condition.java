package uk.orderwatch.schemas.events;

/**
 * One prohibition or requirement of an order, as the court made it.
 *
 * @param conditionId         stable id within the order
 * @param supervisingAgencyId the agency that supervises a requirement; null for a prohibition
 * @param programme           set for a {@link ConditionCategory#PROGRAMME} requirement
 * @param distanceMetres      for {@link ConditionCategory#NO_APPROACH}: how near the subject may not come
 * @param policeStation       for {@link ConditionCategory#SIGN_ON}: where the subject signs on
 * Neither the condition's wording nor an exclusion zone's place is here: both are typed by people and may say where
 * the victim lives, so they stay in order-registry, which shows them to the roles entitled to them.
 */
public record Condition(
        String conditionId,
        ConditionCategory category,
        String supervisingAgencyId,
        Programme programme,
        Integer distanceMetres,
        String policeStation) {

    public ConditionKind kind() {
        return category.kind();
    }
}
