package uk.orderwatch.schemas.events;

/** What a condition is about; each belongs to one {@link ConditionKind}. */
public enum ConditionCategory {
    NO_CONTACT(ConditionKind.PROHIBITION),
    EXCLUSION_ZONE(ConditionKind.PROHIBITION),
    NO_APPROACH(ConditionKind.PROHIBITION),
    OTHER_PROHIBITION(ConditionKind.PROHIBITION),
    PROGRAMME(ConditionKind.REQUIREMENT),
    SIGN_ON(ConditionKind.REQUIREMENT),
    ASSESSMENT(ConditionKind.REQUIREMENT);

    private final ConditionKind kind;

    ConditionCategory(ConditionKind kind) {
        this.kind = kind;
    }

    public ConditionKind kind() {
        return kind;
    }
}
