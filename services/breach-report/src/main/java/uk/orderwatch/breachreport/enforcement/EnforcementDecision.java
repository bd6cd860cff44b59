package uk.orderwatch.breachreport.enforcement;

/** What a practitioner decides on an enforcement review (HMPPS: warn, or take breach action to court). */
public enum EnforcementDecision {
    /** Return the case to court for breach of the requirement. */
    BREACH_ACTION,
    /** A final warning: the next failure leads to breach action. */
    FINAL_WARNING,
    /** The failures are accepted on review (e.g. evidence of an acceptable reason came later). */
    NO_FURTHER_ENFORCEMENT
}
