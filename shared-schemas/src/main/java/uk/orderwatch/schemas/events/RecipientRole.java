package uk.orderwatch.schemas.events;

/** The part a recipient plays for an order. */
public enum RecipientRole {
    OFFICER_IN_CHARGE,
    PROBATION_PRACTITIONER,
    ADVOCATE_CASEWORKER
}
