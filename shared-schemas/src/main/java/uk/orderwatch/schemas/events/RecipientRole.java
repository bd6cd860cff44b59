package uk.orderwatch.schemas.events;

/** The part a recipient plays for an order. */
public enum RecipientRole {
    OFFICER_IN_CHARGE,
    PROBATION_PRACTITIONER,
    ADVOCATE_CASEWORKER,
    /**
     * A step of an agency's escalation policy (whoever is on duty, a named person, the 24/7 fallback) for an alert
     * nobody acknowledged, or a supervisor told that nobody did.
     */
    ESCALATION_CONTACT
}
