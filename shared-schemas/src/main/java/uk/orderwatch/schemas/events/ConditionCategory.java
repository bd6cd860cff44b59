package uk.orderwatch.schemas.events;

/** What a condition is about; each belongs to one {@link ConditionKind}. */
public enum ConditionCategory {
    NO_CONTACT(ConditionKind.PROHIBITION, "No contact with the protected person"),
    EXCLUSION_ZONE(ConditionKind.PROHIBITION, "Exclusion zone"),
    NO_APPROACH(ConditionKind.PROHIBITION, "No approach within a distance"),
    OTHER_PROHIBITION(ConditionKind.PROHIBITION, "Other prohibition"),
    PROGRAMME(ConditionKind.REQUIREMENT, "Attend a programme"),
    SIGN_ON(ConditionKind.REQUIREMENT, "Sign on at a police station"),
    ASSESSMENT(ConditionKind.REQUIREMENT, "Attend an assessment");

    private final ConditionKind kind;
    private final String label;

    ConditionCategory(ConditionKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    /** What the condition is, in the words people read in alerts and on the portal's pages. */
    public String label() {
        return label;
    }

    public ConditionKind kind() {
        return kind;
    }
}
