package uk.orderwatch.schemas.events;

/**
 * One prohibition or requirement of an order, as the court made it.
 *
 * @param conditionId         stable id within the order
 * @param supervisingAgencyId the agency that supervises a requirement; null for a prohibition
 * @param programme           set for a {@link ConditionCategory#PROGRAMME} requirement
 * @param distanceMetres      for {@link ConditionCategory#NO_APPROACH}: how near the subject may not come
 * @param policeStation       for {@link ConditionCategory#SIGN_ON}: where the subject signs on
 * @param responsiblePersonId for a requirement: the person at the supervising agency responsible for it (for a DAPO
 *                            the court names one, Domestic Abuse Act 2021 s.36); null when none is named
 * Neither the condition's wording nor an exclusion zone's place is here: both are typed by people and may say where
 * the victim lives, so they stay in order-registry, which shows them to the roles entitled to them.
 */
public record Condition(
        String conditionId,
        ConditionCategory category,
        String supervisingAgencyId,
        Programme programme,
        Integer distanceMetres,
        String policeStation,
        String responsiblePersonId) {

    public ConditionKind kind() {
        return category.kind();
    }
}
